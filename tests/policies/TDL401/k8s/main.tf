variable "privileged_sidecar" {
  type = bool
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "kubernetes_pod" "main" {
  metadata {
    name = "coder-main"
  }
  spec {
    container {
      name  = "docker-sidecar"
      image = "docker:dind"
      security_context {
        privileged  = true # expect: TDL401
        run_as_user = 0
      }
      command = ["dockerd", "-H", "tcp://127.0.0.1:2375"]
    }
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.main.init_script]
      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.main.token
      }
    }
  }
}

resource "kubernetes_pod" "unknown" {
  metadata {
    name = "coder-unknown"
  }
  spec {
    container {
      name  = "sidecar"
      image = "docker:dind"
      security_context {
        # unknown (no default): no finding
        privileged = var.privileged_sidecar
      }
    }
  }
}
