# A workspace alone: the device plugin is deployed elsewhere (Helm, GitOps), so nothing is said.
resource "kubernetes_pod" "workspace" {
  metadata {
    name = "coder-podman"
  }
  spec {
    container {
      name  = "dev"
      image = "ghcr.io/coder/podman:ubuntu"
      resources {
        limits = {
          "smarter-devices/fuse" = 1
        }
      }
    }
  }
}
