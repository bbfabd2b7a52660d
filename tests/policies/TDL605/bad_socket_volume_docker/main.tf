# A docker:dind container shares its /var/run with the workspace through a Docker volume, and DOCKER_HOST
# names the socket: the workspace's home is not on that daemon's side.
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

resource "docker_volume" "docker_run" {
  name = "coder-${data.coder_workspace.me.id}-docker-run"
}

resource "docker_volume" "home" {
  name = "coder-${data.coder_workspace.me.id}-home"
}

resource "docker_container" "dind" {
  count = data.coder_workspace.me.start_count
  name  = "dind-${data.coder_workspace.me.id}"
  image = "docker:27-dind"
  # tfdind-lint: ignore[TDL401] -- the dind sidecar of this fixture
  privileged = true
  volumes {
    container_path = "/var/run"
    volume_name    = docker_volume.docker_run.name
  }
}

resource "docker_container" "workspace" {
  count   = data.coder_workspace.me.start_count
  name    = "coder-${data.coder_workspace.me.id}"
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.main.init_script]
  env     = ["DOCKER_HOST=unix:///var/run/docker.sock"]
  volumes {
    container_path = "/var/run"
    volume_name    = docker_volume.docker_run.name
  }
  volumes {
    container_path = "/home/coder"
    volume_name    = docker_volume.home.name
  }
}
