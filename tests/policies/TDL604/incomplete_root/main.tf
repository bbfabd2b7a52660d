# A root whose other file does not parse, which calls a module with coder_devcontainer: the constraint the
# root states is old; the broken file may hold another one, so the root gives no finding, its module does.
terraform {
  required_providers {
    coder = {
      source  = "coder/coder"
      version = "~> 2.1.0"
    }
  }
}

resource "coder_devcontainer" "root" {
  agent_id         = module.dev.agent_id
  workspace_folder = "/home/coder/root"
}

module "dev" {
  source = "./dev"
}
