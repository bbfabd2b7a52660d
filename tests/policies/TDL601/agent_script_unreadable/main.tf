# The image starts the agent itself (no init script in the command) and the agent's startup script comes from
# a variable: it may start Docker.
data "coder_workspace" "me" {}

variable "setup" {
  type = string
}

resource "coder_agent" "main" {
  os             = "linux"
  arch           = "amd64"
  startup_script = var.setup
}

resource "coder_devcontainer" "repo" {
  count            = data.coder_workspace.me.start_count
  agent_id         = coder_agent.main.id
  workspace_folder = "/home/coder/project"
}

resource "docker_container" "workspace" {
  count = data.coder_workspace.me.start_count
  name  = "coder-${data.coder_workspace.me.id}"
  image = "codercom/enterprise-base:ubuntu"
  env   = ["CODER_AGENT_TOKEN=${coder_agent.main.token}", "CODER_AGENT_URL=https://coder.example.com"]
}
