# A CI runner module for a Docker host: the runner starts job containers through the host's Docker
# socket. A deliberate design of a build host, not a Coder workspace (no agent, no workspace data).
terraform {
  required_providers {
    docker = {
      source  = "kreuzwerker/docker"
      version = "~> 3.0"
    }
  }
}

variable "runner_name" {
  type    = string
  default = "build-01"
}

resource "docker_volume" "config" {
  name = "gitlab-runner-config"
}

resource "docker_container" "runner" {
  name    = "gitlab-runner-${var.runner_name}"
  image   = "gitlab/gitlab-runner:v17.2.0"
  restart = "always"
  mounts {
    type   = "bind"
    source = "/var/run/docker.sock"
    target = "/var/run/docker.sock"
  }
  volumes {
    volume_name    = docker_volume.config.name
    container_path = "/etc/gitlab-runner"
  }
}
