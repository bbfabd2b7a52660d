# Kubernetes: a loopback listener is a note (only the pod's containers reach it), an open one an error.
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
      args  = ["dockerd", "--host=tcp://127.0.0.1:2375"] # expect: TDL402 note
      security_context {
        privileged = true
      }
    }
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.main.init_script]
      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.main.token
      }
      env {
        name  = "DOCKER_HOST"
        value = "tcp://localhost:2375"
      }
    }
  }
}

resource "kubernetes_deployment" "builder" {
  metadata {
    name = "coder-builder"
  }
  spec {
    selector {
      match_labels = {
        app = "builder"
      }
    }
    template {
      metadata {
        labels = {
          app = "builder"
        }
      }
      spec {
        container {
          name  = "dind"
          image = "docker:dind"
          args  = ["dockerd", "--host=tcp://[::]:2375"] # expect: TDL402 error
          security_context {
            privileged = true
          }
        }
      }
    }
  }
}
