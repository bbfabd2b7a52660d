# Dev containers on an undeclared agent (TDL010's business) and on a VM agent that leaves the integration on;
# the devcontainers-cli module on a third agent (it asks for no dev container); autostart in the container of
# a fourth, which turns the integration off.
data "coder_workspace" "me" {}

resource "coder_agent" "ok" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_agent" "cli" {
  os   = "linux"
  arch = "amd64"
  env = {
    CODER_AGENT_DEVCONTAINERS_ENABLE = "false"
  }
}

resource "coder_agent" "auto" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_devcontainer" "ghost" {
  count            = data.coder_workspace.me.start_count
  agent_id         = coder_agent.ghost.id
  workspace_folder = "/home/coder/ghost"
}

resource "coder_devcontainer" "ok" {
  count            = data.coder_workspace.me.start_count
  agent_id         = coder_agent.ok.id
  workspace_folder = "/home/coder/project"
}

module "devcontainers-cli" {
  count    = data.coder_workspace.me.start_count
  source   = "registry.coder.com/coder/devcontainers-cli/coder"
  agent_id = coder_agent.cli.id
}

resource "docker_container" "auto" {
  count   = data.coder_workspace.me.start_count
  name    = "coder-${data.coder_workspace.me.id}-auto"
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc"
  command = ["sh", "-c", coder_agent.auto.init_script]
  env = [
    "CODER_AGENT_TOKEN=${coder_agent.auto.token}",
    "CODER_AGENT_DEVCONTAINERS_DISCOVERY_AUTOSTART_ENABLE=true",
    "CODER_AGENT_DEVCONTAINERS_ENABLE=false", # expect: TDL603
  ]
}
