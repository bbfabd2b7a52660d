# The agent is declared here; the coder_external_agent that stands for it is in a local module.
resource "coder_agent" "main" {
  arch = "amd64"
  os   = "linux"
}

module "ext" {
  source   = "./ext"
  agent_id = coder_agent.main.id
}
