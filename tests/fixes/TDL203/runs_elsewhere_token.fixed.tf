# `main` runs in the pod below (its token is used there), so this container is `dev`'s: its token
# is taken from `dev`, and `main`'s token written later in the file stays.
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_agent" "dev" {
  os   = "linux"
  arch = "amd64"
}

resource "docker_container" "envbox" {
  image      = "ghcr.io/coder/envbox:latest"
  name       = "coder-envbox"
  privileged = true
  env = [
    "CODER_AGENT_TOKEN=${coder_agent.dev.token}",
    "CODER_BOOTSTRAP_SCRIPT=${coder_agent.dev.init_script}",
  ]
}

resource "kubernetes_pod" "main" {
  metadata {
    name = "coder-main"
  }
  spec {
    container {
      name  = "main"
      image = "codercom/enterprise-base:ubuntu"
      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.main.token
      }
    }
  }
}
