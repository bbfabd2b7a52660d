# The host's socket: dockerd resolves bind sources on the host, where /home/coder is a volume's mount point only
# inside this container.
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
  env     = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
  volumes {
    container_path = "/var/run/docker.sock"
    # tfdind-lint: ignore[TDL410] -- this fixture is about the folder, not the socket
    host_path = "/var/run/docker.sock"
  }
  volumes {
    container_path = "/home/coder"
    volume_name    = docker_volume.home.name
  }
}
