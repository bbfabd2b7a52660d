# Dev containers whose folder is unknown, on a VM agent, on a Sysbox workspace (its own daemon), then on a
# workspace whose dind sidecar does not share the folder: only the last is reported.
data "coder_workspace" "me" {}

variable "folder" {
  type = string
}

resource "coder_agent" "vm" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_agent" "inner" {
  os             = "linux"
  arch           = "amd64"
  startup_script = "sudo dockerd > /tmp/dockerd.log 2>&1 &"
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_devcontainer" "unknown" {
  count            = data.coder_workspace.me.start_count
  agent_id         = coder_agent.main.id
  workspace_folder = var.folder
}

resource "coder_devcontainer" "on_vm" {
  count            = data.coder_workspace.me.start_count
  agent_id         = coder_agent.vm.id
  workspace_folder = "/home/coder/vm"
}

resource "coder_devcontainer" "inner" {
  count            = data.coder_workspace.me.start_count
  agent_id         = coder_agent.inner.id
  workspace_folder = "/home/coder/inner"
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

resource "docker_container" "inner" {
  count   = data.coder_workspace.me.start_count
  name    = "coder-${data.coder_workspace.me.id}-inner"
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc"
  command = ["sh", "-c", coder_agent.inner.init_script]
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
  }
}
