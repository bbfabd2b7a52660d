# The pod's env comes from a dynamic block: reported at the value its content sets, without a fix.
data "coder_workspace" "me" {}

locals {
  agent_env = {
    CODER_AGENT_DEVCONTAINERS_ENABLE = "false"
  }
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
    runtime_class_name = "sysbox-runc"
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.main.init_script]
      dynamic "env" {
        for_each = local.agent_env
        content {
          name  = env.key
          value = env.value # expect: TDL603
        }
      }
    }
  }
}
