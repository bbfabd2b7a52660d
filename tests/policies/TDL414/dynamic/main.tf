# Capabilities added through dynamic blocks whose for_each is known; an unknown one stays quiet.
variable "fuse" {
  type    = bool
  default = true
}

variable "extra_capabilities" {
  type = list(string)
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "docker_container" "workspace" {
  image   = "codercom/enterprise-base:ubuntu"
  name    = "dev"
  command = ["sh", "-c", coder_agent.main.init_script]
  dynamic "capabilities" {
    for_each = var.fuse ? [1] : []
    content {
      add = ["SYS_ADMIN"] # expect: TDL414
    }
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
        dynamic "capabilities" {
          # the finding points at the element, where SYS_ADMIN is written
          for_each = { admin = ["NET_ADMIN", "SYS_ADMIN"] } # expect: TDL414
          content {
            add = capabilities.value
          }
        }
      }
    }
  }
}

resource "kubernetes_pod" "unknown" {
  metadata {
    name = "coder-unknown"
  }
  spec {
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.main.init_script]
      security_context {
        dynamic "capabilities" {
          for_each = var.extra_capabilities
          content {
            add = [capabilities.value]
          }
        }
      }
    }
  }
}
