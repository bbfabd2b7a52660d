# Shaped like a public "dev containers by CLI" template: a custom workspace image, DOCKER_HOST on the
# default socket, and a startup script read from a file that waits for the image's dockerd. The tool
# cannot read the script, so whether Docker runs is unknown: no finding.
data "coder_workspace" "me" {}
data "coder_provisioner" "me" {}

variable "workspace_image" {
  default = "registry.example.com/coder-devcontainer-workspace:latest"
}

resource "coder_agent" "workspace" {
  arch                    = data.coder_provisioner.me.arch
  os                      = data.coder_provisioner.me.os
  startup_script          = file("${path.module}/scripts/startup.sh")
  startup_script_behavior = "blocking"
}

resource "coder_devcontainer" "workspace" {
  count            = data.coder_workspace.me.start_count
  agent_id         = coder_agent.workspace.id
  workspace_folder = "/workspaces/${lower(data.coder_workspace.me.name)}"
}

resource "docker_volume" "workspace" {
  name = "coder-workspace-${data.coder_workspace.me.id}"
}

resource "docker_container" "workspace" {
  count   = data.coder_workspace.me.start_count
  image   = var.workspace_image
  name    = "coder-workspace-${data.coder_workspace.me.id}"
  command = ["sh", "-c", "${coder_agent.workspace.init_script}"]
  env = [
    "CODER_AGENT_TOKEN=${coder_agent.workspace.token}",
    "CODER_AGENT_DEVCONTAINERS_ENABLE=true",
    "DOCKER_HOST=unix:///var/run/docker.sock",
  ]
  volumes {
    volume_name    = docker_volume.workspace.name
    container_path = "/workspaces"
  }
}
