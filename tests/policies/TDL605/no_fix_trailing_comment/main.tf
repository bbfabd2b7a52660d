# The workspace's mount block ends in a comment on its closing line: it does not have its lines to itself (no
# fix).
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

resource "docker_container" "dind" {
  count = data.coder_workspace.me.start_count
  name  = "dind-${data.coder_workspace.me.id}"
  image = "docker:27-dind"
  # tfdind-lint: ignore[TDL401] -- the dind sidecar of this fixture
  privileged = true
  env        = ["DOCKER_TLS_CERTDIR="]
}

resource "docker_container" "workspace" {
  count   = data.coder_workspace.me.start_count
  name    = "coder-${data.coder_workspace.me.id}"
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.main.init_script]
  env     = ["DOCKER_HOST=tcp://${docker_container.dind[0].name}:2375"]
  volumes {
    container_path = "/home/coder"
    volume_name    = docker_volume.home.name
  } # the home volume
}
