# >= 2.3.0 has the resource, but subagent_id needs 2.14.0.
terraform {
  required_providers {
    coder = {
      source  = "coder/coder"
      version = ">= 2.3.0"
    }
  }
}

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

resource "coder_app" "in_devcontainer" {
  agent_id = coder_devcontainer.repo[0].subagent_id # expect: TDL604
  slug     = "web"
  url      = "http://localhost:3000"
}
