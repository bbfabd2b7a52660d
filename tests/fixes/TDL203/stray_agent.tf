resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

# Left over from an earlier version of the template.
resource "coder_agent" "dev" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_app" "code" {
  agent_id = coder_agent.main.id
  slug     = "code"
  url      = "http://localhost:8080"
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
        value = coder_agent.dev.init_script
      }
    }
  }
}
