# The agent runs on a VM the template does not describe: whether it has Docker is unknown.
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

resource "aws_instance" "workspace" {
  count         = data.coder_workspace.me.start_count
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.large"
  user_data     = coder_agent.main.init_script
}
