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
        value = coder_agent.dev.init_script # expect: TDL203
      }
    }
  }
}

variable "agent_token" {
  type    = string
  default = "0123456789abcdef"
}

resource "docker_container" "workspace" {
  image      = "ghcr.io/coder/envbox:latest"
  name       = "coder-envbox"
  privileged = true
  env = [
    "CODER_AGENT_TOKEN=${var.agent_token}",                      # expect: TDL203
    "CODER_BOOTSTRAP_SCRIPT=curl -fsSL https://example.com | sh", # expect: TDL203
  ]
}
