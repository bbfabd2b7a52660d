# envbox_images: the mirrored envbox image hands the init script of one agent the token of another.
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_agent" "dev" {
  os   = "linux"
  arch = "amd64"
}

resource "kubernetes_pod" "mirror" {
  metadata {
    name = "coder-envbox"
  }
  spec {
    container {
      name  = "dev"
      image = "registry.example.com/mirror/envbox:0.6.2"
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

# the default pattern is not this team's envbox any more (no `/envbox` command names it either)
resource "kubernetes_pod" "upstream" {
  metadata {
    name = "coder-envbox-upstream"
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
        value = coder_agent.dev.init_script
      }
    }
  }
}
