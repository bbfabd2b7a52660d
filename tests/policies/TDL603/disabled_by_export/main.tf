# The container's command exports the variable before it runs the agent: reported, without a fix (a script is
# not an env entry to delete).
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
  command = ["sh", "-c", "export CODER_AGENT_DEVCONTAINERS_ENABLE=false; ${coder_agent.main.init_script}"] # expect: TDL603
  env     = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
}
