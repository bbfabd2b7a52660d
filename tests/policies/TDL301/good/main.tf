variable "limits" {
  type = map(string)
}

# The community kubernetes-podman shape: the FUSE device in limits.
resource "kubernetes_pod" "podman" {
  metadata {
    name = "coder-podman"
  }
  spec {
    container {
      name  = "dev"
      image = "ghcr.io/coder/podman:ubuntu"
      resources {
        requests = {
          cpu = "250m"
        }
        limits = {
          "github.com/fuse" = 1
          cpu               = "2"
        }
      }
    }
  }
}

# CRI-O adds /dev/fuse through an annotation; limits the tool cannot know; a privileged container.
resource "kubernetes_pod" "crio" {
  metadata {
    name = "coder-crio"
    annotations = {
      "io.kubernetes.cri-o.Devices" = "/dev/fuse"
    }
  }
  spec {
    container {
      name  = "dev"
      image = "quay.io/podman/stable"
    }
  }
}

resource "kubernetes_pod" "unknown" {
  metadata {
    name = "coder-unknown"
  }
  spec {
    container {
      name  = "dev"
      image = "quay.io/podman/stable"
      resources {
        limits = var.limits
      }
    }
    container {
      name  = "privileged"
      image = "quay.io/podman/stable"
      security_context {
        privileged = true
      }
    }
  }
}

# The Docker provider has no extended resources: not this rule's business.
resource "docker_container" "podman" {
  name  = "podman"
  image = "quay.io/podman/stable"
}
