resource "kubernetes_pod" "main" {
  metadata {
    name = "coder-main"
  }
  spec {
    container {
      name    = "docker-sidecar"
      image   = "docker:dind"
      command = ["dockerd", "-H", "tcp://127.0.0.1:2375"] # plain TCP inside the pod
      security_context {
        privileged = true
      }
    }
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
    }
  }
}
