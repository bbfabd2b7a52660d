# >= 2.3.0 has the resource. Other attributes of it, and another object's subagent_id, need nothing newer.
terraform {
  required_providers {
    coder = {
      source  = "coder/coder"
      version = ">= 2.3.0"
    }
  }
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_devcontainer" "repo" {
  agent_id         = coder_agent.main.id
  workspace_folder = "/home/coder/project"
}

module "helper" {
  source   = "registry.example.com/acme/devcontainer-helper/coder"
  agent_id = coder_agent.main.id
}

output "folder" {
  value = coder_devcontainer.repo.workspace_folder
}

output "helper_subagent" {
  value = module.helper.subagent_id
}

output "everything" {
  value      = coder_agent.main.id
  depends_on = [coder_devcontainer.repo]
}
