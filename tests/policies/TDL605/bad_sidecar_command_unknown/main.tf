# A dind container whose start script comes from a variable: `netns` shares its network namespace and reaches it
# at localhost, `named` names it in DOCKER_HOST. Neither workspace's home is on its side.
data "coder_workspace" "me" {}

variable "dind_start" {
  type = string
}

resource "coder_agent" "netns" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_agent" "named" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_devcontainer" "netns" {
  count            = data.coder_workspace.me.start_count
  agent_id         = coder_agent.netns.id
  workspace_folder = "/home/coder/project" # expect: TDL605
}

resource "coder_devcontainer" "named" {
  count            = data.coder_workspace.me.start_count
  agent_id         = coder_agent.named.id
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
  command    = ["sh", "-c", var.dind_start]
}

resource "docker_container" "netns" {
  count        = data.coder_workspace.me.start_count
  name         = "coder-${data.coder_workspace.me.id}-netns"
  image        = "codercom/enterprise-base:ubuntu"
  network_mode = "container:${docker_container.dind[0].id}"
  command      = ["sh", "-c", coder_agent.netns.init_script]
  env          = ["DOCKER_HOST=tcp://localhost:2375"]
  volumes {
    container_path = "/home/coder"
    volume_name    = docker_volume.home.name
  }
}

resource "docker_container" "named" {
  count   = data.coder_workspace.me.start_count
  name    = "coder-${data.coder_workspace.me.id}-named"
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.named.init_script]
  env     = ["DOCKER_HOST=tcp://${docker_container.dind[0].name}:2375"]
  volumes {
    container_path = "/home/coder"
    volume_name    = docker_volume.home.name
  }
}
