# A Podman workspace that asks for the resource the seed's plugin advertises: no mismatch.
resource "kubernetes_pod" "workspace" {
  metadata {
    name      = "coder-podman"
    namespace = "coder"
  }
  spec {
    container {
      name  = "dev"
      image = "ghcr.io/coder/podman:ubuntu"
      resources {
        limits = {
          "github.com/fuse" = 1
        }
      }
    }
  }
}
