# The agent is declared in a local module; the coder_external_agent here names it through an output.
module "workspace" {
  source = "./workspace"
}

resource "coder_external_agent" "main" {
  agent_id = module.workspace.agent_id
}
