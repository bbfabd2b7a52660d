data "coder_workspace" "me" {}

variable "extra_path" {
  type = string
}

resource "docker_volume" "sysbox" {
  name = "sysbox"
}

# Host directories bound twice are one storage. Before them, mounts that say nothing: a path the
# tool cannot know, and two anonymous volumes (each a fresh volume of its own).
resource "docker_container" "binds" {
  image      = "ghcr.io/coder/envbox:latest"
  name       = "coder-${data.coder_workspace.me.id}-binds"
  privileged = true
  volumes {
    volume_name    = "coder-shared"
    container_path = var.extra_path
  }
  volumes {
    container_path = "/var/lib/containers"
  }
  volumes {
    container_path = "/var/lib/coder/containers"
  }
  volumes {
    host_path      = "/srv/coder/docker"
    container_path = "/var/lib/docker"
  }
  volumes {
    host_path      = "/srv/coder/docker" # expect: TDL205
    container_path = "/var/lib/coder/docker"
  }
  # The same path again (Docker refuses it anyway): not reported as sharing with itself.
  volumes {
    host_path      = "/srv/coder/docker"
    container_path = "/var/lib/docker/"
  }
  volumes {
    host_path      = "/var/lib/sysbox" # expect: TDL205
    container_path = "/var/lib/sysbox"
  }
}

# The same name written with other spacing is the same volume.
resource "docker_container" "spaced" {
  image      = "ghcr.io/coder/envbox:latest"
  name       = "coder-${data.coder_workspace.me.id}-spaced"
  privileged = true
  mounts {
    target = "/var/lib/docker"
    source = "coder-${data.coder_workspace.me.id}-data"
    type   = "volume"
  }
  mounts {
    target = "/var/lib/coder/docker"
    source = "coder-${ data.coder_workspace.me.id }-data" # expect: TDL205
    type   = "volume"
  }
}

# A docker_volume's id is its name (the provider sets it so): the global volume again.
resource "docker_container" "by_id" {
  image      = "ghcr.io/coder/envbox:latest"
  name       = "coder-${data.coder_workspace.me.id}-id"
  privileged = true
  volumes {
    volume_name    = docker_volume.sysbox.id # expect: TDL205
    container_path = "/var/lib/sysbox"
  }
}

# /var/lib/sysbox on storage that is not shared, or not known to be: an anonymous volume, a name
# per workspace, a volume resource the module does not declare, another attribute of a volume.
resource "docker_container" "quiet_sysbox" {
  image      = "ghcr.io/coder/envbox:latest"
  name       = "coder-${data.coder_workspace.me.id}-quiet"
  privileged = true
  volumes {
    container_path = "/var/lib/sysbox"
  }
  volumes {
    volume_name    = "coder-${data.coder_workspace.me.id}-sysbox"
    container_path = "/var/lib/sysbox"
  }
  volumes {
    volume_name    = docker_volume.missing.name
    container_path = "/var/lib/sysbox"
  }
  volumes {
    volume_name    = docker_volume.sysbox.mountpoint
    container_path = "/var/lib/sysbox"
  }
}
