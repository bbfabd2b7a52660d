# A remote Docker host never has the workspace's files.
data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  env = {
    DOCKER_HOST = "ssh://builder@docker.example.com"
  }
}

resource "coder_devcontainer" "repo" {
  count            = data.coder_workspace.me.start_count
  agent_id         = coder_agent.main.id
  workspace_folder = "/home/coder/project" # expect: TDL605
}

resource "docker_container" "workspace" {
  count   = data.coder_workspace.me.start_count
  name    = "coder-${data.coder_workspace.me.id}"
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.main.init_script]
  env     = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
}
