# The kubernetes-podman template after its container was renamed from "dev" to "workspace".
resource "kubernetes_pod" "main" {
  metadata {
    name = "coder-podman"
    annotations = {
      "container.apparmor.security.beta.kubernetes.io/dev" = "unconfined" # expect: TDL303
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

# No AppArmor override at all: a note (the nodes' OS is not declared).
resource "kubernetes_pod" "plain" {
  metadata {
    name = "coder-podman-plain"
  }
  spec {
    container { # expect: TDL303
      name  = "dev"
      image = "quay.io/podman/stable"
    }
  }
}
