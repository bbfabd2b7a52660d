# The privileged envbox container (exempt by default) comes first; a privileged sidecar of the same pod is reported.
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "kubernetes_pod" "main" {
  metadata {
    name = "coder-envbox"
  }
  spec {
    container {
      name  = "dev"
      image = "ghcr.io/coder/envbox:0.6.2"
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
    container {
      name  = "metrics"
      image = "example/node-metrics:1"
      security_context {
        privileged = true # expect: TDL401
      }
    }
  }
}
