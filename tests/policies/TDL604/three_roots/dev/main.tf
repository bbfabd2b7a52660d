# A module three roots call; only one of them admits a provider without coder_devcontainer.
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_devcontainer" "repo" { # expect: TDL604
  agent_id         = coder_agent.main.id
  workspace_folder = "/home/coder/project"
}
