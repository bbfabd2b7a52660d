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

# A privileged container runs unconfined by AppArmor already.
resource "kubernetes_pod" "privileged" {
  metadata {
    name = "coder-podman-privileged"
  }
  spec {
    container {
      name  = "dev"
      image = "ghcr.io/coder/podman:ubuntu"
      security_context {
        privileged = true
      }
    }
  }
}

# The Docker provider: no pod, no AppArmor annotation to give.
resource "docker_container" "podman" {
  name  = "coder-podman"
  image = "quay.io/podman/stable"
}
