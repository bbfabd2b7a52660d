# Stay-quiet clauses of TDL105: a state volume per workspace, named through a reference;
# names and paths the tool cannot know.
data "coder_workspace" "me" {}

variable "cache_volume" {
  type = string
}

variable "state_path" {
  type = string
}

variable "state_paths" {
  type = list(string)
}

resource "docker_volume" "docker_state" {
  name = "coder-${data.coder_workspace.me.id}-docker"
}

# the volume is this workspace's own: its name holds the workspace id
resource "docker_container" "per_workspace" {
  name    = "per-workspace-${data.coder_workspace.me.id}"
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc"
  volumes {
    volume_name    = docker_volume.docker_state.name
    container_path = "/var/lib/docker"
  }
}

# a volume name from a variable without a default
resource "docker_container" "named_by_variable" {
  name    = "by-variable-${data.coder_workspace.me.id}"
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc"
  volumes {
    volume_name    = var.cache_volume
    container_path = "/var/lib/docker"
  }
}

# a host path that is not known
resource "docker_container" "unknown_host_path" {
  name    = "unknown-path-${data.coder_workspace.me.id}"
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc"
  volumes {
    host_path      = var.state_path
    container_path = "/var/lib/docker"
  }
}

# the host's /var/lib/docker in a container that does not run on Sysbox
resource "docker_container" "not_sysbox" {
  name  = "not-sysbox-${data.coder_workspace.me.id}"
  image = "codercom/enterprise-base:ubuntu"
  volumes {
    host_path      = "/var/lib/docker"
    container_path = "/var/lib/docker"
  }
}

# volumes from a dynamic block over a list the module cannot know
resource "docker_container" "dynamic_volumes" {
  name    = "dynamic-${data.coder_workspace.me.id}"
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc"
  dynamic "volumes" {
    for_each = toset(var.state_paths)
    content {
      host_path      = volumes.value
      container_path = "/var/lib/docker"
    }
  }
}
