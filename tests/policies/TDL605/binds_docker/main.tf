# Bind mounts in the workspace and in the dind container: /home/coder comes from the same host directory in
# both (quiet), /srv/cache from two different ones.
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

resource "coder_devcontainer" "cache" {
  count            = data.coder_workspace.me.start_count
  agent_id         = coder_agent.main.id
  workspace_folder = "/srv/cache/tools" # expect: TDL605
}

resource "docker_container" "dind" {
  count = data.coder_workspace.me.start_count
  name  = "dind-${data.coder_workspace.me.id}"
  image = "docker:27-dind"
  # tfdind-lint: ignore[TDL401] -- the dind sidecar of this fixture
  privileged = true
  env        = ["DOCKER_TLS_CERTDIR="]
  volumes {
    container_path = "/home/coder"
    host_path      = "/srv/coder/home/"
  }
  volumes {
    container_path = "/srv/cache"
    host_path      = "/var/cache/dind"
  }
}

resource "docker_container" "workspace" {
  count   = data.coder_workspace.me.start_count
  name    = "coder-${data.coder_workspace.me.id}"
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.main.init_script]
  env     = ["DOCKER_HOST=tcp://${docker_container.dind[0].name}:2375"]
  volumes {
    container_path = "/home/coder"
    host_path      = "/srv/coder/home"
  }
  volumes {
    container_path = "/srv/cache"
    host_path      = "/var/cache/workspace"
  }
}
