# Docker host without Sysbox: each workspace gets its own privileged docker:dind
# daemon on a private network, reached over TLS with the client certificates
# the dind image generates.
terraform {
  required_providers {
    coder = {
      source  = "coder/coder"
      version = "~> 2.0"
    }
    docker = {
      source  = "kreuzwerker/docker"
      version = "~> 3.0"
    }
  }
}

variable "docker_socket" {
  type        = string
  default     = ""
  description = "(Optional) Docker socket URI of the host that runs the workspaces"
}

provider "docker" {
  host = var.docker_socket != "" ? var.docker_socket : null
}

provider "coder" {}

data "coder_provisioner" "me" {}
data "coder_workspace" "me" {}
data "coder_workspace_owner" "me" {}

locals {
  prefix = "coder-${data.coder_workspace.me.id}"
  # Where the dind image writes the client half of its TLS material
  docker_cert_path = "/certs/client"
}

resource "coder_agent" "main" {
  arch = data.coder_provisioner.me.arch
  os   = "linux"

  startup_script = <<-EOT
    set -e
    if [ ! -f ~/.init_done ]; then
      cp -rT /etc/skel ~
      touch ~/.init_done
    fi
    # The daemon generates its certificates when it starts; wait for it.
    for i in $(seq 1 60); do
      docker version >/dev/null 2>&1 && break
      sleep 1
    done
  EOT

  metadata {
    display_name = "CPU Usage"
    key          = "0_cpu_usage"
    script       = "coder stat cpu"
    interval     = 10
    timeout      = 1
  }

  metadata {
    display_name = "Docker daemon"
    key          = "1_docker"
    script       = "docker info --format '{{.ServerVersion}}' 2>/dev/null || echo unreachable"
    interval     = 30
    timeout      = 5
  }
}

module "code-server" {
  count    = data.coder_workspace.me.start_count
  source   = "registry.coder.com/coder/code-server/coder"
  version  = "~> 1.0"
  agent_id = coder_agent.main.id
  order    = 1
}

# Only the workspace and its daemon are on this network.
resource "docker_network" "private" {
  name = local.prefix
}

resource "docker_volume" "home" {
  name = "${local.prefix}-home"
  lifecycle {
    ignore_changes = all
  }
}

# The daemon's image cache survives workspace restarts.
resource "docker_volume" "docker_data" {
  name = "${local.prefix}-docker"
  lifecycle {
    ignore_changes = all
  }
}

resource "docker_volume" "docker_certs" {
  name = "${local.prefix}-docker-certs"
}

resource "docker_container" "dind" {
  # Stops with the workspace
  count = data.coder_workspace.me.start_count
  image = "docker:27.5.1-dind"
  name  = "${local.prefix}-dind"

  # tfdind-lint: ignore[TDL401] -- this host cannot run Sysbox (kernel 5.4, PLAT-2041); one daemon per workspace, on a private network, TLS only
  privileged = true

  # The image's own entrypoint listens on tcp://0.0.0.0:2376 with --tlsverify
  # and writes the client certificates to $DOCKER_TLS_CERTDIR/client.
  env = ["DOCKER_TLS_CERTDIR=/certs"]

  networks_advanced {
    name = docker_network.private.name
    # "docker" is in the server certificate's names
    aliases = ["docker"]
  }

  volumes {
    container_path = "/var/lib/docker"
    volume_name    = docker_volume.docker_data.name
  }

  volumes {
    container_path = local.docker_cert_path
    volume_name    = docker_volume.docker_certs.name
  }

  labels {
    label = "coder.workspace_id"
    value = data.coder_workspace.me.id
  }
}

resource "docker_container" "workspace" {
  count    = data.coder_workspace.me.start_count
  image    = "codercom/enterprise-base:ubuntu-20240812"
  name     = "coder-${lower(data.coder_workspace_owner.me.name)}-${lower(data.coder_workspace.me.name)}"
  hostname = lower(data.coder_workspace.me.name)

  entrypoint = ["sh", "-c", replace(coder_agent.main.init_script, "/localhost|127\\.0\\.0\\.1/", "host.docker.internal")]
  env = [
    "CODER_AGENT_TOKEN=${coder_agent.main.token}",
    "DOCKER_HOST=tcp://docker:2376",
    "DOCKER_TLS_VERIFY=1",
    "DOCKER_CERT_PATH=${local.docker_cert_path}",
  ]

  host {
    host = "host.docker.internal"
    ip   = "host-gateway"
  }

  networks_advanced {
    name = docker_network.private.name
  }

  volumes {
    container_path = "/home/coder"
    volume_name    = docker_volume.home.name
  }

  volumes {
    container_path = local.docker_cert_path
    volume_name    = docker_volume.docker_certs.name
    read_only      = true
  }

  labels {
    label = "coder.owner"
    value = data.coder_workspace_owner.me.name
  }
  labels {
    label = "coder.workspace_id"
    value = data.coder_workspace.me.id
  }

  depends_on = [docker_container.dind]
}
