variable "capability" {
  type = string
}

variable "builder_image" {
  type = string
}

variable "env_name" {
  type = string
}

variable "capabilities" {
  type = list(string)
}

resource "kubernetes_deployment" "builder" {
  metadata {
    name = "builder"
  }
  spec {
    selector {
      match_labels = { app = "builder" }
    }
    template {
      metadata {
        labels = { app = "builder" }
      }
      spec {
        runtime_class_name = "runc" # expect: ACME006
        init_container {
          name  = "fetch"
          image = "registry.acme.example/fetch" # expect: ACME001
          env {
            name  = "FETCH_TOKEN"
            value = 12345 # expect: ACME004
          }
        }
        container {
          name  = "tools"
          image = "registry.acme.example/tools:2.0"
          env {
            name = "DB_PASSWORD"
            value_from {
              secret_key_ref {
                name = "db"
                key  = "password"
              }
            }
          }
          env {
            name = "POD_TOKEN"
            value_from {
              field_ref {
                field_path = "metadata.name"
              }
            }
          }
          env {
            name  = var.env_name
            value = "not-a-secret"
          }
          env {
            name = "UNSET_TOKEN"
          }
          env {
            name  = "CACHE_TOKEN"
            value = "cache-0123" # expect: ACME004
          }
          security_context {
            capabilities {
              add = [var.capability, "SYS_PTRACE", "cap_sys_admin"] # expect: ACME005
            }
          }
        }
        container {
          name  = "dind"
          image = "docker:27-dind"
          volume_mount {
            name       = "cache"
            mount_path = "/cache"
          }
          volume_mount {
            name       = "sock"
            mount_path = "/var/run/docker.sock"
          }
        }
        volume {
          name = "cache"
          empty_dir {}
        }
        volume {
          name = "root"
          host_path {
            path = "/" # expect: ACME003
          }
        }
        volume {
          name = "sock"
          host_path {
            path = "/run/docker.sock" # expect: ACME003
          }
        }
      }
    }
  }
}

resource "kubernetes_pod" "rootless" {
  metadata {
    name = "rootless"
  }
  spec { # expect: ACME006
    container {
      name  = "builder"
      image = var.builder_image
      security_context {
        capabilities {
          add = var.capabilities
        }
      }
    }
    container {
      name  = "docker"
      image = "docker:27-dind-rootless" # expect: ACME002, ACME007
      security_context {
        capabilities {
          add = ["SYS_ADMIN"] # expect: ACME005
        }
      }
    }
  }
}
