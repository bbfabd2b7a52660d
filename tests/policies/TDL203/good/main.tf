resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

variable "token" {
  type = string
}

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
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.main.token
      }
      env {
        name  = "CODER_BOOTSTRAP_SCRIPT"
        value = coder_agent.main.init_script
      }
    }
  }
}

# The token from a Secret, a script that wraps the init script, a token the tool cannot know.
resource "docker_container" "workspace" {
  image      = "ghcr.io/coder/envbox:latest"
  name       = "coder-envbox"
  privileged = true
  env = [
    "CODER_AGENT_TOKEN=${var.token}",
    "CODER_BOOTSTRAP_SCRIPT=${replace(coder_agent.main.init_script, "localhost", "host.docker.internal")}",
  ]
}

resource "kubernetes_pod" "secret" {
  metadata {
    name = "coder-envbox-secret"
  }
  spec {
    container {
      name    = "dev"
      image   = "ghcr.io/coder/envbox:0.6.2"
      command = ["/envbox", "docker"]
      env {
        name = "CODER_AGENT_TOKEN"
        value_from {
          secret_key_ref {
            name = "agent"
            key  = "token"
          }
        }
      }
      env {
        name  = "CODER_BOOTSTRAP_SCRIPT"
        value = coder_agent.main.init_script
      }
    }
  }
}
