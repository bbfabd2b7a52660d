# A VM agent's env map turns the integration on, its startup script exports it off: reported at the export,
# without a fix (the env map's entry is not the one to delete).
data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  env = {
    CODER_AGENT_DEVCONTAINERS_ENABLE = "true"
  }
  startup_script = <<-EOT
    export CODER_AGENT_DEVCONTAINERS_ENABLE=false # expect: TDL603
  EOT
}

resource "coder_devcontainer" "repo" {
  count            = data.coder_workspace.me.start_count
  agent_id         = coder_agent.main.id
  workspace_folder = "/home/coder/project"
}
