# podman_images: the team's Podman workspace with no AppArmor override (a note: the nodes' AppArmor is not known).
resource "kubernetes_pod" "team" {
  metadata {
    name = "coder-podman-team"
  }
  spec {
    container { # expect: TDL303 note
      name  = "dev"
      image = "registry.example.com/team/rootless-containers:5"
    }
  }
}

# the default pattern no longer names this team's Podman workspaces
resource "kubernetes_pod" "upstream" {
  metadata {
    name = "coder-podman-upstream"
  }
  spec {
    container {
      name  = "dev"
      image = "quay.io/podman/stable"
    }
  }
}
