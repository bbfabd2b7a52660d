# The provisioner's socket is a provider setting; named volumes and other host paths are not the socket.
provider "docker" {
  host = "unix:///var/run/docker.sock"
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "docker_volume" "home" {
  name = "home"
}

resource "docker_container" "workspace" {
  image   = "codercom/enterprise-base:ubuntu"
  name    = "dev"
  command = ["sh", "-c", coder_agent.main.init_script]
  runtime = "sysbox-runc"
  volumes {
    container_path = "/home/coder"
    volume_name    = docker_volume.home.name
  }
  volumes {
    host_path      = "/var/run/docker"
    container_path = "/host-docker-state"
    read_only      = true
  }
}
