# External workspaces: the user runs `coder agent` on a machine of their own, so no template resource
# runs the init script. coder_external_agent names the agent it stands for; an agent it does not name
# still needs its init script run.
resource "coder_agent" "main" {
  arch = "amd64"
  os   = "linux"
}

resource "coder_external_agent" "main" {
  agent_id = coder_agent.main.id
}

resource "coder_agent" "forgotten" { # expect: TDL009
  arch = "amd64"
  os   = "linux"
}

resource "coder_devcontainer" "repo" {
  # a Dev Container's sub-agent is started by the parent agent: it does not start `forgotten` itself
  agent_id         = coder_agent.forgotten.id
  workspace_folder = "/home/coder/repo"
}
