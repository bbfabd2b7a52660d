# Kubernetes provider: every required variable, one from a Secret.
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "kubernetes_pod" "envbox" {
  metadata {
    name = "envbox"
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
        name  = "CODER_INNER_IMAGE"
        value = "codercom/enterprise-base:ubuntu"
      }
      env {
        name  = "CODER_INNER_USERNAME"
        value = "coder"
      }
      env {
        name  = "CODER_BOOTSTRAP_SCRIPT"
        value = coder_agent.main.init_script
      }
      env {
        name = "CODER_AGENT_URL"
        value_from {
          secret_key_ref {
            name = "coder"
            key  = "url"
          }
        }
      }
    }
  }
}
