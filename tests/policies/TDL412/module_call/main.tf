# A template whose workspace container is in a local module: the module is part of a Coder workspace
# because this directory, which declares the agent, calls it.
data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  arch = "amd64"
  os   = "linux"
}

module "workspace" {
  source      = "./modules/workspace"
  count       = data.coder_workspace.me.start_count
  init_script = coder_agent.main.init_script
  token       = coder_agent.main.token
}
