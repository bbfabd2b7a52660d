# nodes_use_apparmor: false — no AppArmor on the nodes, so nothing confines the Podman workspace.
resource "kubernetes_pod" "plain" {
  metadata {
    name = "coder-podman-plain"
  }
  spec {
    container {
      name  = "dev"
      image = "quay.io/podman/stable"
    }
  }
}

# An annotation naming no container is still a mistake.
resource "kubernetes_pod" "orphan" {
  metadata {
    name = "coder-podman-orphan"
    annotations = {
      "container.apparmor.security.beta.kubernetes.io/podman" = "unconfined" # expect: TDL303
    }
  }
  spec {
    container {
      name  = "dev"
      image = "quay.io/podman/stable"
    }
  }
}
