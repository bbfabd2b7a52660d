# Sysbox keeps capabilities in the container's user namespace; privileged is TDL412's; a sidecar is not
# the agent's container; other capabilities are not this rule's.
variable "privileged" {
  type = bool
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "docker_container" "sysbox" {
  image   = "codercom/enterprise-base:ubuntu"
  name    = "sysbox"
  runtime = "sysbox-runc"
  command = ["sh", "-c", coder_agent.main.init_script]
  capabilities {
    add = ["SYS_ADMIN"]
  }
}

resource "docker_container" "privileged" {
  image      = "codercom/enterprise-base:ubuntu"
  name       = "privileged"
  privileged = true
  command    = ["sh", "-c", coder_agent.main.init_script]
  capabilities {
    add = ["SYS_ADMIN"]
  }
}

resource "docker_container" "unknown" {
  image      = "codercom/enterprise-base:ubuntu"
  name       = "unknown"
  privileged = var.privileged
  command    = ["sh", "-c", coder_agent.main.init_script]
  capabilities {
    add = ["SYS_ADMIN"]
  }
}

resource "kubernetes_pod" "main" {
  metadata {
    name = "coder-main"
  }
  spec {
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.main.init_script]
      security_context {
        capabilities {
          add = ["NET_ADMIN", "SYS_PTRACE"]
        }
      }
    }
    container {
      name  = "fuse-helper"
      image = "registry.example.com/fuse-helper:1.0"
      security_context {
        capabilities {
          add = ["SYS_ADMIN"]
        }
      }
    }
  }
}
