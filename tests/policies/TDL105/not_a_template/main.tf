# Not a Coder template (no coder_agent, no coder_workspace): one copy of these resources exists.
variable "suffix" {
  type    = string
  default = "a"
}

variable "unknown_suffix" {
  type = string
}

resource "docker_volume" "cache" {
  name = "docker-cache"
}

resource "docker_container" "first" {
  name    = "first"
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc"
  volumes {
    volume_name    = docker_volume.cache.name
    container_path = "/var/lib/docker"
  }
}

resource "docker_container" "second" {
  name    = "second"
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc"
  volumes {
    volume_name    = docker_volume.cache.name
    container_path = "/var/lib/docker" # expect: TDL105
  }
}

resource "docker_container" "third" {
  name    = "third"
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc"
  volumes {
    volume_name    = "${docker_volume.cache.name}-${var.unknown_suffix}"
    container_path = "/var/lib/docker"
  }
}

resource "docker_container" "fourth" {
  name    = "fourth"
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc"
  volumes {
    volume_name    = "cache-${var.suffix}"
    container_path = "/var/lib/docker"
  }
}
