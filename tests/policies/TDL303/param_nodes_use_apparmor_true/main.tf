# nodes_use_apparmor: true — a confined Podman workspace is a warning, not a note.
resource "kubernetes_pod" "plain" {
  metadata {
    name = "coder-podman-plain"
  }
  spec {
    container { # expect: TDL303 warning
      name  = "dev"
      image = "quay.io/podman/stable"
    }
  }
}
