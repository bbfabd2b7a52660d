# envbox: the outer container must be privileged; the workspace inside it is not.
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "kubernetes_pod" "main" {
  metadata {
    name = "envbox"
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
        name  = "CODER_BOOTSTRAP_SCRIPT"
        value = coder_agent.main.init_script
      }
      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.main.token
      }
    }
  }
}

resource "docker_container" "sysbox" {
  image      = "codercom/enterprise-base:ubuntu"
  name       = "sysbox"
  privileged = false
  runtime    = "sysbox-runc"
  command    = ["sh", "-c", coder_agent.main.init_script]
}
