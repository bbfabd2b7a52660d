# Two agents: `main` runs in its own pod, `dev` in the envbox container.
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_agent" "dev" {
  os   = "linux"
  arch = "amd64"
}

resource "kubernetes_pod" "main" {
  metadata {
    name = "coder-main"
  }
  spec {
    container {
      name    = "main"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.main.init_script]
      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.main.token
      }
    }
  }
}

resource "docker_container" "envbox" {
  image      = "ghcr.io/coder/envbox:latest"
  name       = "coder-envbox"
  privileged = true
  env = [
    # copied from the main pod
    "CODER_AGENT_TOKEN=${coder_agent.main.token}", # the agent's identity
    "CODER_BOOTSTRAP_SCRIPT=${coder_agent.dev.init_script}",
    "CODER_INNER_IMAGE=codercom/enterprise-base:ubuntu",
  ]
}
