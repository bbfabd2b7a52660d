data "coder_workspace" "me" {}

# One name for every workspace of the template.
resource "docker_volume" "docker_cache" {
  name = "docker-cache"
}

resource "docker_container" "host_state" {
  name    = "host-state-${data.coder_workspace.me.id}"
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc"
  volumes {
    host_path      = "/var/lib/docker" # expect: TDL105
    container_path = "/var/lib/docker"
  }
}

resource "docker_container" "shared_volume" {
  name    = "shared-volume-${data.coder_workspace.me.id}"
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc"
  volumes {
    volume_name    = docker_volume.docker_cache.name # expect: TDL105
    container_path = "/var/lib/docker"
  }
}

resource "docker_container" "bind_mount" {
  name    = "bind-mount-${data.coder_workspace.me.id}"
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc"
  mounts {
    type   = "bind"
    source = "/var/lib/docker/" # expect: TDL105
    target = "/mnt/host-docker"
  }
}
