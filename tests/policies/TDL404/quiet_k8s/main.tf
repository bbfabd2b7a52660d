# Stay-quiet clauses of TDL404 with the Kubernetes provider.
variable "dockerd_args" {
  type = list(string)
}

variable "socket_dir" {
  type = string
}

# two daemons in the pod; one takes its arguments from a variable, so it may listen on 2376
resource "kubernetes_pod" "one_incomplete" {
  metadata {
    name = "coder-one-incomplete"
  }
  spec {
    container {
      name  = "docker-sidecar"
      image = "docker:dind"
      args  = ["dockerd", "--host=tcp://127.0.0.1:2375"]
      security_context {
        privileged = true
      }
    }
    container {
      name  = "docker-sidecar-2"
      image = "docker:dind"
      args  = var.dockerd_args
      security_context {
        privileged = true
      }
    }
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
      env {
        name  = "DOCKER_HOST"
        value = "tcp://localhost:2376"
      }
    }
  }
}

# the sidecar's socket through a mount whose path is unknown
resource "kubernetes_pod" "unknown_mount" {
  metadata {
    name = "coder-unknown-mount"
  }
  spec {
    container {
      name  = "docker-sidecar"
      image = "docker:dind"
      args  = ["dockerd", "--host=unix:///var/run/docker.sock"]
      security_context {
        privileged = true
      }
    }
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
      env {
        name  = "DOCKER_HOST"
        value = "unix:///var/run/docker.sock"
      }
      volume_mount {
        name       = "sockets"
        mount_path = var.socket_dir
      }
    }
    volume {
      name = "sockets"
      empty_dir {}
    }
  }
}

# the same through a dynamic volume_mount block
resource "kubernetes_pod" "dynamic_mount" {
  metadata {
    name = "coder-dynamic-mount"
  }
  spec {
    container {
      name  = "docker-sidecar"
      image = "docker:dind"
      args  = ["dockerd", "--host=unix:///var/run/docker.sock"]
      security_context {
        privileged = true
      }
    }
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
      env {
        name  = "DOCKER_HOST"
        value = "unix:///var/run/docker.sock"
      }
      dynamic "volume_mount" {
        for_each = toset([var.socket_dir])
        content {
          name       = "sockets"
          mount_path = volume_mount.value
        }
      }
    }
    volume {
      name = "sockets"
      empty_dir {}
    }
  }
}

# an address from a variable without a default
resource "kubernetes_pod" "from_variable" {
  metadata {
    name = "coder-from-variable"
  }
  spec {
    container {
      name  = "docker-sidecar"
      image = "docker:dind"
      args  = ["dockerd", "--host=tcp://127.0.0.1:2375"]
      security_context {
        privileged = true
      }
    }
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
      env {
        name  = "DOCKER_HOST"
        value = "tcp://${var.socket_dir}:2375"
      }
    }
  }
}
