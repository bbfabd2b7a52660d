# A privileged Coder image that starts no Docker daemon: privileged alone is not Docker.
data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_devcontainer" "repo" {
  count            = data.coder_workspace.me.start_count
  agent_id         = coder_agent.main.id # expect: TDL601
  workspace_folder = "/home/coder/project"
}

resource "docker_container" "workspace" {
  count      = data.coder_workspace.me.start_count
  name       = "coder-${data.coder_workspace.me.id}"
  image      = "codercom/enterprise-base:ubuntu"
  privileged = true
  command    = ["sh", "-c", coder_agent.main.init_script]
  env        = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
}
