# The env list turns the integration on, the command's export turns it off again: the export is reported, and
# the env entry is not the one a fix would delete (no fix).
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

resource "docker_container" "workspace" {
  count   = data.coder_workspace.me.start_count
  name    = "coder-${data.coder_workspace.me.id}"
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc"
  env     = ["CODER_AGENT_TOKEN=${coder_agent.main.token}", "CODER_AGENT_DEVCONTAINERS_ENABLE=true"]
  command = ["sh", "-c", "export CODER_AGENT_DEVCONTAINERS_ENABLE=0\n${coder_agent.main.init_script}"] # expect: TDL603
}
