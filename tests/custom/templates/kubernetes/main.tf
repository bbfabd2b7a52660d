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
      image   = "registry.acme.example/dev:1.4"
      command = ["sh", "-c", coder_agent.main.init_script]
      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.main.token
      }
      env {
        name = "NPM_TOKEN"
        value_from {
          config_map_key_ref { # expect: ACME004
            name = "npm"
            key  = "token"
          }
        }
      }
      env {
        name = "DB_PASSWORD"
        value_from {
          secret_key_ref {
            name = "db"
            key  = "password"
          }
        }
      }
      security_context {
        capabilities {
          add = ["NET_ADMIN"] # expect: ACME005
        }
      }
      volume_mount {
        name       = "proc"
        mount_path = "/host/proc"
      }
    }
    volume {
      name = "proc"
      host_path {
        path = "/proc/1" # expect: ACME003
      }
    }
  }
}
