# Kubernetes provider: a socket path that is not the host's engine, and a host path from a variable.
variable "socket_path" {
  type = string
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "kubernetes_pod" "workspace" {
  metadata {
    name = "coder-workspace"
  }
  spec {
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.main.init_script]
      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.main.token
      }
      volume_mount {
        name       = "run"
        mount_path = "/var/run/app"
      }
      volume_mount {
        name       = "unknown"
        mount_path = "/var/run/docker.sock"
      }
    }
    volume {
      name = "run"
      host_path {
        path = "/var/run/app"
      }
    }
    volume {
      name = "unknown"
      host_path {
        path = var.socket_path
      }
    }
  }
}
