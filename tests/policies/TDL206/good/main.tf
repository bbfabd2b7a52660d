variable "memory" {
  type = string
}

variable "add_fuse" {
  type    = bool
  default = true
}

resource "docker_container" "workspace" {
  image      = "ghcr.io/coder/envbox:latest"
  name       = "coder-envbox"
  privileged = true
  env = [
    "CODER_CPUS=2",
    "CODER_MEMORY=0",
    "CODER_ADD_FUSE=1",
    "CODER_ADD_TUN=False",
    "CODER_ADD_GPU=T",
    "CODER_USR_LIB_DIR=/var/coder/usr/lib",
  ]
}

# Values from variables the tool cannot know, Go-accepted spellings, the Downward API without a divisor.
resource "kubernetes_pod" "main" {
  metadata {
    name = "coder-envbox"
  }
  spec {
    container {
      name    = "dev"
      image   = "ghcr.io/coder/envbox:0.6.2"
      command = ["/envbox", "docker"]
      security_context {
        privileged = true
      }
      env {
        name  = "CODER_MEMORY"
        value = var.memory
      }
      env {
        name  = "CODER_ADD_FUSE"
        value = var.add_fuse
      }
      env {
        name  = "CODER_ADD_TUN"
        value = ""
      }
      env {
        name = "CODER_CPUS"
        value_from {
          resource_field_ref {
            resource = "limits.cpu"
            divisor  = "1"
          }
        }
      }
    }
  }
}
