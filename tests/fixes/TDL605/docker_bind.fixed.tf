# A docker:dind container with its own data volume (the copy goes after it); the workspace's home is a bind
# mount from the host, its block written without indentation.
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

resource "docker_network" "workspace" {
  name = "coder-${data.coder_workspace.me.id}"
}

resource "docker_volume" "dind_data" {
  name = "coder-${data.coder_workspace.me.id}-dind"
}

resource "docker_container" "dind" {
  count = data.coder_workspace.me.start_count
  name  = "dind-${data.coder_workspace.me.id}"
  image = "docker:27-dind"
  # tfdind-lint: ignore[TDL401] -- the dind sidecar of this fixture
  privileged = true
  env        = ["DOCKER_TLS_CERTDIR="]
  volumes {
    container_path = "/var/lib/docker"
    volume_name    = docker_volume.dind_data.name
  }
  volumes {
    container_path = "/home/coder"
    host_path      = "/srv/coder/${data.coder_workspace.me.id}"
  }
  networks_advanced {
    name = docker_network.workspace.name
  }
}

resource "docker_container" "workspace" {
  count   = data.coder_workspace.me.start_count
  name    = "coder-${data.coder_workspace.me.id}"
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.main.init_script]
  env = [
    "CODER_AGENT_TOKEN=${coder_agent.main.token}",
    "DOCKER_HOST=tcp://${docker_container.dind[0].name}:2375",
  ]
  networks_advanced {
    name = docker_network.workspace.name
  }
volumes {
  container_path = "/home/coder"
  host_path      = "/srv/coder/${data.coder_workspace.me.id}"
}
}
