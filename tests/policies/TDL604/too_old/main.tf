# ~> 2.1.0 admits only versions before coder_devcontainer existed.
terraform {
  required_providers {
    coder = {
      source  = "coder/coder"
      version = "~> 2.1.0"
    }
  }
}

data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_devcontainer" "repo" { # expect: TDL604
  count            = data.coder_workspace.me.start_count
  agent_id         = coder_agent.main.id
  workspace_folder = "/home/coder/project"
}
