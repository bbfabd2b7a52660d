resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

# exempt_envbox: false — envbox runs the agent's workspace and is privileged
resource "kubernetes_pod" "envbox" {
  metadata {
    name = "envbox"
  }
  spec {
    container {
      name    = "dev"
      image   = "ghcr.io/coder/envbox:0.6.2"
      command = ["/envbox", "docker"]
      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.main.token
      }
      security_context {
        privileged = true # expect: TDL412
      }
    }
  }
}
