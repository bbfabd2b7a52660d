data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_devcontainer" "repo" {
  count            = data.coder_workspace.me.start_count
  agent_id         = coder_agent.main.id
  workspace_folder = "/home/coder/project"
}

resource "kubernetes_pod" "main" {
  count = data.coder_workspace.me.start_count
  metadata {
    name = "coder-${data.coder_workspace.me.id}"
  }
  spec {
    runtime_class_name = "sysbox-runc"
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.main.init_script]
      env {
        name  = "CODER_AGENT_DEVCONTAINERS_ENABLE"
        value = "0"
      }
      env {
        name = "CODER_AGENT_TOKEN"
        value_from {
          secret_key_ref {
            name = "coder-agent"
            key  = "token"
          }
        }
      }
    }
  }
}
