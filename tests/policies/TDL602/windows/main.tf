# Dev Containers are not supported on Windows agents.
data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "windows" # expect: TDL602
  arch = "amd64"
}

resource "coder_devcontainer" "repo" {
  count            = data.coder_workspace.me.start_count
  agent_id         = coder_agent.main.id
  workspace_folder = "/home/coder/project"
}
