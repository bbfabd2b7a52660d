data "coder_workspace" "me" {}

resource "coder_agent" "tools" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_agent" "gpu" {
  os   = "linux"
  arch = "amd64"
  env = {
    CUDA_VISIBLE_DEVICES = "0"
  }
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  env = {
    EDITOR                           = "vim"
  }
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
  runtime = "sysbox-runc"
  command = ["sh", "-c", coder_agent.main.init_script]
  env     = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
}
