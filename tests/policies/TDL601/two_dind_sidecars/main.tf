# Two dind sidecars in the pod, whose start scripts the tool cannot read, and DOCKER_HOST at localhost: which one
# answers is unknown, but one of them does.
data "coder_workspace" "me" {}

variable "dind_start" {
  type = string
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_devcontainer" "repo" {
  count            = data.coder_workspace.me.start_count
  agent_id         = coder_agent.main.id
  workspace_folder = "/home/coder/project"
}

resource "kubernetes_pod" "workspace" {
  count = data.coder_workspace.me.start_count
  metadata {
    name = "coder-${data.coder_workspace.me.id}"
  }
  spec {
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.main.init_script]
      env {
        name  = "DOCKER_HOST"
        value = "tcp://localhost:2375"
      }
    }
    container {
      name    = "dind-a"
      image   = "docker:27-dind"
      command = ["sh", "-c", var.dind_start]
      security_context {
        privileged = true
      }
    }
    container {
      name    = "dind-b"
      image   = "docker:27-dind"
      command = ["sh", "-c", var.dind_start]
      security_context {
        privileged = true
      }
    }
  }
}
