# `main` runs in the pod below (its init script is used there): this container is `dev`'s.
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
    }
  }
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
