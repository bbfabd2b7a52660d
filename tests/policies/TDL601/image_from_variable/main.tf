# An image from a variable, with its own entrypoint: it may start dockerd.
data "coder_workspace" "me" {}

variable "image" {
  type = string
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_devcontainer" "repo" {
  count            = data.coder_workspace.me.start_count
  agent_id         = coder_agent.main.id
  workspace_folder = "/home/coder/project"
}

resource "docker_container" "workspace" {
  count = data.coder_workspace.me.start_count
  name  = "coder-${data.coder_workspace.me.id}"
  image = var.image
  env   = ["CODER_AGENT_TOKEN=${coder_agent.main.token}", "CODER_AGENT_URL=https://coder.example.com"]
}
