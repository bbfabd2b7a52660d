# Envbox outer containers that are not privileged: envbox cannot start dockerd and Sysbox.
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
      name    = "dev"
      image   = "ghcr.io/coder/envbox:0.6.2"
      command = ["/envbox", "docker"]
      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.main.token
      }
    }
  }
}

# A mirrored image is still envbox when its command starts with /envbox.
resource "kubernetes_pod" "mirror" {
  metadata {
    name = "coder-envbox-mirror"
  }
  spec {
    container {
      name    = "dev"
      image   = "registry.example.com/mirror/envbox:0.6.2"
      command = ["/envbox", "docker"]
      security_context {
        privileged = false
      }
    }
  }
}

resource "docker_container" "workspace" {
  image = "ghcr.io/coder/envbox:latest"
  name  = "coder-envbox"
  env   = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
}
