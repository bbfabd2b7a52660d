# Two workspaces in one template: `builder` mounts the host's Docker socket, `main` has no Docker. Only the
# dev container on `main` is reported.
data "coder_workspace" "me" {}

resource "coder_agent" "builder" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_devcontainer" "builds" {
  count            = data.coder_workspace.me.start_count
  agent_id         = coder_agent.builder.id
  workspace_folder = "/srv/coder/builds"
}

resource "coder_devcontainer" "repo" {
  count            = data.coder_workspace.me.start_count
  agent_id         = coder_agent.main.id # expect: TDL601
  workspace_folder = "/home/coder/repo"
}

resource "docker_container" "builder" {
  count   = data.coder_workspace.me.start_count
  name    = "coder-${data.coder_workspace.me.id}-builder"
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.builder.init_script]
  env     = ["CODER_AGENT_TOKEN=${coder_agent.builder.token}"]
  volumes {
    container_path = "/var/run/docker.sock"
    host_path      = "/var/run/docker.sock"
  }
}

resource "docker_container" "workspace" {
  count   = data.coder_workspace.me.start_count
  name    = "coder-${data.coder_workspace.me.id}"
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.main.init_script]
  env     = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
}
