# The kubernetes-podman shape: the annotation names the container.
resource "kubernetes_pod" "main" {
  metadata {
    name = "coder-podman"
    annotations = {
      "container.apparmor.security.beta.kubernetes.io/dev" = "unconfined"
    }
  }
  spec {
    init_container {
      name  = "setup"
      image = "busybox:1.36"
    }
    container {
      name  = "dev"
      image = "ghcr.io/coder/podman:ubuntu"
    }
  }
}

variable "annotations" {
  type = map(string)
}

# Annotations the tool cannot read, and a container name it cannot know.
resource "kubernetes_pod" "unknown" {
  metadata {
    name        = "coder-unknown"
    annotations = var.annotations
  }
  spec {
    container {
      name  = "dev"
      image = "ghcr.io/coder/podman:ubuntu"
    }
  }
}

variable "container_name" {
  type = string
}

resource "kubernetes_pod" "named" {
  metadata {
    name = "coder-named"
    annotations = {
      "container.apparmor.security.beta.kubernetes.io/dev" = "unconfined"
    }
  }
  spec {
    container {
      name  = var.container_name
      image = "ghcr.io/coder/podman:ubuntu"
    }
  }
}
