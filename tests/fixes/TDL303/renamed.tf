# The kubernetes-podman template after its container was renamed from "dev" to "workspace".
resource "kubernetes_pod" "main" {
  metadata {
    name = "coder-podman"
    annotations = {
      "container.apparmor.security.beta.kubernetes.io/dev" = "unconfined" # required on Ubuntu nodes
    }
  }
  spec {
    container {
      name  = "workspace"
      image = "ghcr.io/coder/podman:ubuntu"
      resources {
        limits = {
          "github.com/fuse" = 1
        }
      }
    }
  }
}
