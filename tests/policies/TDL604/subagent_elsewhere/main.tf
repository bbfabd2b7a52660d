# subagent_id read in a nested map of locals, an output, a module argument, a nested block and a data source,
# with a constraint from 2.3.0.
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

locals {
  agents = {
    devcontainer = coder_devcontainer.repo.subagent_id # expect: TDL604
  }
}

output "subagent" {
  value = coder_devcontainer.repo.subagent_id # expect: TDL604
}

module "code-server" {
  source   = "registry.coder.com/coder/code-server/coder"
  agent_id = coder_devcontainer.repo.subagent_id # expect: TDL604
}

resource "docker_container" "workspace" {
  name  = "coder-workspace"
  image = "codercom/enterprise-base:ubuntu"
  labels {
    label = "com.example.subagent"
    value = coder_devcontainer.repo.subagent_id # expect: TDL604
  }
}

data "http" "subagent" {
  url = "https://coder.example.com/api/v2/workspaceagents/${coder_devcontainer.repo.subagent_id}" # expect: TDL604
}
