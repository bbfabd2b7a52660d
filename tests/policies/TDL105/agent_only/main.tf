# A template known by its coder_agent alone (no data.coder_workspace): every workspace gets these resources.
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

variable "suffix" {
  type = string
}

resource "docker_container" "workspace" {
  name    = "ws"
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc"
  volumes {
    host_path      = "/srv/docker-cache" # expect: TDL105
    container_path = "/var/lib/docker"
  }
}

# a name the tool cannot know
resource "docker_container" "suffixed" {
  name    = "suffixed"
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc"
  volumes {
    volume_name    = "cache-${var.suffix}"
    container_path = "/var/lib/docker"
  }
}
