# envbox on a Docker host, shaped like coder/coder's envbox-docker template with its two
# mistakes corrected: one volume per data directory (and a per-workspace Sysbox volume)
# instead of one volume mounted five times and a global `sysbox` volume, and CODER_MEMORY
# in bytes instead of "2".
terraform {
  required_providers {
    coder = {
      source = "coder/coder"
    }
    docker = {
      source = "kreuzwerker/docker"
    }
  }
}

data "coder_workspace" "me" {}
data "coder_workspace_owner" "me" {}

data "coder_parameter" "image" {
  name    = "image"
  type    = "string"
  default = "codercom/enterprise-base:ubuntu"
}

resource "coder_agent" "dev" {
  arch           = "amd64"
  os             = "linux"
  startup_script = <<-EOT
    #!/bin/bash
    sudo dockerd &
  EOT
}

locals {
  prefix = "coder-${data.coder_workspace.me.id}"
}

resource "docker_volume" "home" {
  name = "${local.prefix}-home"
}

resource "docker_volume" "inner_docker" {
  name = "${local.prefix}-inner-docker"
}

resource "docker_volume" "inner_containers" {
  name = "${local.prefix}-inner-containers"
}

resource "docker_volume" "outer_containers" {
  name = "${local.prefix}-outer-containers"
}

resource "docker_volume" "outer_docker" {
  name = "${local.prefix}-outer-docker"
}

resource "docker_volume" "sysbox" {
  name = "${local.prefix}-sysbox"
}

resource "docker_container" "workspace" {
  count    = data.coder_workspace.me.start_count
  image    = "ghcr.io/coder/envbox:0.6.2"
  name     = "coder-${lower(data.coder_workspace_owner.me.name)}-${lower(data.coder_workspace.me.name)}"
  hostname = lower(data.coder_workspace.me.name)
  command  = ["/envbox", "docker"]

  env = [
    "CODER_AGENT_TOKEN=${coder_agent.dev.token}",
    "CODER_AGENT_URL=${replace(data.coder_workspace.me.access_url, "/localhost|127\\.0\\.0\\.1/", "host.docker.internal")}",
    "CODER_INNER_IMAGE=${data.coder_parameter.image.value}",
    "CODER_INNER_USERNAME=coder",
    "CODER_BOOTSTRAP_SCRIPT=${replace(coder_agent.dev.init_script, "/localhost|127\\.0\\.0\\.1/", "host.docker.internal")}",
    "CODER_MOUNTS=/home/coder:/home/coder",
    "CODER_ADD_FUSE=false",
    "CODER_ADD_TUN=false",
    "CODER_CPUS=2",
    "CODER_MEMORY=4294967296",
  ]

  privileged = true

  volumes {
    volume_name    = docker_volume.home.name
    container_path = "/home/coder/"
  }
  volumes {
    volume_name    = docker_volume.sysbox.name
    container_path = "/var/lib/sysbox"
  }
  volumes {
    host_path      = "/usr/src"
    container_path = "/usr/src"
    read_only      = true
  }
  volumes {
    host_path      = "/lib/modules"
    container_path = "/lib/modules"
    read_only      = true
  }
  mounts {
    type   = "volume"
    source = docker_volume.inner_docker.name
    target = "/var/lib/coder/docker"
  }
  mounts {
    type   = "volume"
    source = docker_volume.inner_containers.name
    target = "/var/lib/coder/containers"
  }
  mounts {
    type   = "volume"
    source = docker_volume.outer_containers.name
    target = "/var/lib/containers"
  }
  mounts {
    type   = "volume"
    source = docker_volume.outer_docker.name
    target = "/var/lib/docker"
  }

  host {
    host = "host.docker.internal"
    ip   = "host-gateway"
  }
}
