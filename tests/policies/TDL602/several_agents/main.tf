# Dev containers on three agents: one not declared (TDL010's business), a Linux one, a Windows one. Only the
# Windows agent is reported.
data "coder_workspace" "me" {}

resource "coder_agent" "linux" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_agent" "win" {
  os   = "windows" # expect: TDL602
  arch = "amd64"
}

resource "coder_devcontainer" "ghost" {
  count            = data.coder_workspace.me.start_count
  agent_id         = coder_agent.missing.id
  workspace_folder = "/home/coder/ghost"
}

resource "coder_devcontainer" "on_linux" {
  count            = data.coder_workspace.me.start_count
  agent_id         = coder_agent.linux.id
  workspace_folder = "/home/coder/project"
}

resource "coder_devcontainer" "on_windows" {
  count            = data.coder_workspace.me.start_count
  agent_id         = coder_agent.win.id
  workspace_folder = "C:\\Users\\coder\\project"
}
