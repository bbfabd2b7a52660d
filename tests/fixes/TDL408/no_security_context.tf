resource "kubernetes_pod" "main" {
  metadata {
    name = "coder-main"
  }
  spec {
    security_context {
      run_as_non_root = true
      run_as_user     = 1000
    }
    container {
      name  = "dind"
      image = "docker:dind"
      args  = ["--host", "unix:///var/run/docker.sock"]
    }
  }
}
