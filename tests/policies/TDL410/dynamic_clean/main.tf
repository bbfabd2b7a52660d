# Dynamic blocks that produce no socket mount: off by default, or a for_each the tool cannot know.
variable "mount_docker_socket" {
  type    = bool
  default = false
}

variable "host_mounts" {
  type = list(object({ source = string, target = string }))
}

locals {
  sockets = var.mount_docker_socket ? toset(["/var/run/docker.sock"]) : toset([])
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "docker_container" "workspace" {
  image   = "codercom/enterprise-base:ubuntu"
  name    = "dev"
  command = ["sh", "-c", coder_agent.main.init_script]
  dynamic "mounts" {
    for_each = local.sockets
    content {
      type   = "bind"
      source = mounts.value
      target = "/var/run/docker.sock"
    }
  }
  dynamic "mounts" {
    for_each = var.host_mounts
    content {
      type   = "bind"
      source = mounts.value.source
      target = mounts.value.target
    }
  }
  dynamic "volumes" {
    for_each = toset(["/home/coder", "/opt/cache"])
    content {
      host_path      = volumes.value
      container_path = volumes.value
    }
  }
}
