# A kubernetes_manifest pod turns the integration off: reported, without a fix (an object value, not a block).
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

resource "kubernetes_manifest" "workspace" {
  manifest = {
    apiVersion = "v1"
    kind       = "Pod"
    metadata = {
      name      = "coder-workspace"
      namespace = "coder"
    }
    spec = {
      runtimeClassName = "sysbox-runc"
      containers = [{
        name    = "dev"
        image   = "codercom/enterprise-base:ubuntu"
        command = ["sh", "-c", coder_agent.main.init_script]
        env = [
          { name = "CODER_AGENT_DEVCONTAINERS_ENABLE", value = "false" }, # expect: TDL603
        ]
      }]
    }
  }
}
