# A coder_script whose agent comes from a variable and whose script the tool cannot read: it may run in this
# workspace and start Docker.
data "coder_workspace" "me" {}

variable "script_agent_id" {
  type = string
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_script" "setup" {
  agent_id     = var.script_agent_id
  display_name = "setup"
  run_on_start = true
  script       = file("${path.module}/setup.sh")
}

resource "coder_devcontainer" "repo" {
  count            = data.coder_workspace.me.start_count
  agent_id         = coder_agent.main.id
  workspace_folder = "/home/coder/project"
}

resource "docker_container" "workspace" {
  count   = data.coder_workspace.me.start_count
  name    = "coder-${data.coder_workspace.me.id}"
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.main.init_script]
  env     = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
}
