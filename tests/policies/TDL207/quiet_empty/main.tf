# An empty CODER_IMAGE_PULL_SECRET holds no credentials: no finding.
resource "kubernetes_pod" "main" {
  metadata {
    name = "coder-envbox"
  }
  spec {
    container {
      name    = "dev"
      image   = "ghcr.io/coder/envbox:0.6.2"
      command = ["/envbox", "docker"]
      security_context {
        privileged = true
      }
      env {
        name  = "CODER_IMAGE_PULL_SECRET"
        value = ""
      }
    }
  }
}
