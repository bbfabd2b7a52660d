# Shaped like coder/coder's own dogfood template: Sysbox, `sudo service docker start` in the startup
# script, an agent env built with merge() (unreadable, but no DOCKER_HOST is needed), a dev container
# behind a parameter, `CODER_AGENT_DEVCONTAINERS_ENABLE=1`, and a folder from a module output.
data "coder_workspace" "me" {}
data "coder_workspace_owner" "me" {}

data "coder_parameter" "devcontainer_autostart" {
  type    = "bool"
  name    = "Automatically start devcontainer"
  default = false
  mutable = true
}

locals {
  repo_dir = replace(try(module.git-clone[0].repo_dir, ""), "/^~\\//", "/home/coder/")
}

module "git-clone" {
  count    = data.coder_workspace.me.start_count
  source   = "registry.coder.com/coder/git-clone/coder"
  version  = "~> 1.2"
  agent_id = coder_agent.dev.id
  url      = "https://github.com/coder/coder"
}

module "devcontainers-cli" {
  count    = data.coder_workspace.me.start_count
  source   = "registry.coder.com/modules/devcontainers-cli/coder"
  version  = ">= 1.0.0"
  agent_id = coder_agent.dev.id
}

resource "coder_agent" "dev" {
  arch = "amd64"
  os   = "linux"
  env = merge(
    { OIDC_TOKEN : data.coder_workspace_owner.me.oidc_access_token },
    {},
  )
  startup_script = <<-EOT
    #!/usr/bin/env bash
    set -eux -o pipefail
    sudo service docker start
  EOT
}

resource "coder_devcontainer" "coder" {
  count            = data.coder_parameter.devcontainer_autostart.value ? data.coder_workspace.me.start_count : 0
  agent_id         = coder_agent.dev.id
  workspace_folder = local.repo_dir
}

resource "docker_volume" "home_volume" {
  name = "coder-${data.coder_workspace.me.id}-home"
}

resource "docker_container" "workspace" {
  count      = data.coder_workspace.me.start_count
  image      = "codercom/oss-dogfood:latest"
  name       = "coder-${data.coder_workspace.me.id}"
  entrypoint = ["sh", "-c", coder_agent.dev.init_script]
  runtime    = "sysbox-runc"
  env = [
    "CODER_AGENT_TOKEN=${coder_agent.dev.token}",
    "CODER_AGENT_DEVCONTAINERS_ENABLE=1",
  ]
  volumes {
    container_path = "/home/coder/"
    volume_name    = docker_volume.home_volume.name
  }
}
