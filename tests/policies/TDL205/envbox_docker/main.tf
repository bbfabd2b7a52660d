# The volume layout of coder/coder's envbox-docker template: one volume at five data paths,
# and a Sysbox volume with a name every workspace shares.
data "coder_workspace" "me" {}
data "coder_workspace_owner" "me" {}

resource "coder_agent" "dev" {
  arch = "amd64"
  os   = "linux"
}

resource "docker_volume" "coder_volume" {
  name = "coder-${data.coder_workspace_owner.me.name}-${data.coder_workspace.me.name}"
}

resource "docker_volume" "sysbox" {
  name = "sysbox"
}

resource "docker_container" "workspace" {
  count      = data.coder_workspace.me.start_count
  image      = "ghcr.io/coder/envbox:latest"
  name       = "coder-${data.coder_workspace.me.id}"
  privileged = true
  env = [
    "CODER_AGENT_TOKEN=${coder_agent.dev.token}",
    "CODER_INNER_IMAGE=codercom/enterprise-base:ubuntu",
    "CODER_INNER_USERNAME=coder",
    "CODER_BOOTSTRAP_SCRIPT=${coder_agent.dev.init_script}",
    "CODER_MOUNTS=/home/coder:/home/coder",
  ]

  volumes {
    volume_name    = docker_volume.coder_volume.name
    container_path = "/home/coder/"
    read_only      = false
  }
  volumes {
    volume_name    = "sysbox" # expect: TDL205
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
    target = "/var/lib/coder/docker"
    source = docker_volume.coder_volume.name # expect: TDL205
    type   = "volume"
  }
  mounts {
    target = "/var/lib/coder/containers"
    source = docker_volume.coder_volume.name # expect: TDL205
    type   = "volume"
  }
  mounts {
    target = "/var/lib/containers"
    source = docker_volume.coder_volume.name # expect: TDL205
    type   = "volume"
  }
  mounts {
    target = "/var/lib/docker"
    source = docker_volume.coder_volume.name # expect: TDL205
    type   = "volume"
  }
}

# The same global volume through its resource.
resource "docker_container" "second" {
  count      = data.coder_workspace.me.start_count
  image      = "ghcr.io/coder/envbox:latest"
  name       = "coder-${data.coder_workspace.me.id}-2"
  privileged = true
  volumes {
    volume_name    = docker_volume.sysbox.name # expect: TDL205
    container_path = "/var/lib/sysbox"
  }
}
