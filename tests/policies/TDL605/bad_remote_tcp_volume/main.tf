# A remote daemon over TCP: the workspace's home volume is not on that host.
data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_devcontainer" "repo" {
  count            = data.coder_workspace.me.start_count
  agent_id         = coder_agent.main.id
  workspace_folder = "/home/coder/project" # expect: TDL605
}

resource "docker_volume" "home" {
  name = "coder-${data.coder_workspace.me.id}-home"
}

resource "docker_container" "workspace" {
  count   = data.coder_workspace.me.start_count
  name    = "coder-${data.coder_workspace.me.id}"
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.main.init_script]
  env     = ["DOCKER_HOST=tcp://docker.example.com:2376", "DOCKER_TLS_VERIFY=1"]
  volumes {
    container_path = "/home/coder"
    volume_name    = docker_volume.home.name
  }
}
