resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "kubernetes_pod" "main" {
  metadata {
    name = "coder-envbox"
  }
  spec {
    container { # expect: TDL202
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
        name  = "CODER_BOOTSTRAP_SCRIPT"
        value = coder_agent.main.init_script
      }
      env {
        name  = "CODER_AGENT_URL"
        value = "https://coder.example.com"
      }
    }
  }
}

resource "docker_container" "workspace" { # expect: TDL202
  image      = "ghcr.io/coder/envbox:latest"
  name       = "coder-envbox"
  privileged = true
  env = [
    "CODER_AGENT_TOKEN=${coder_agent.main.token}",
    "CODER_INNER_IMAGE=codercom/enterprise-base:ubuntu",
    "CODER_INNER_USERNAME=", # expect: TDL202
    "CODER_AGENT_URL=https://coder.example.com",
  ]
}
