# A WireGuard router on a Docker host: the module's only container, privileged to set up routes.
terraform {
  required_providers {
    docker = {
      source  = "kreuzwerker/docker"
      version = "~> 3.0"
    }
  }
}

variable "listen_port" {
  type    = number
  default = 51820
}

resource "docker_container" "wireguard" {
  name       = "wireguard"
  image      = "lscr.io/linuxserver/wireguard:1.0.20210914"
  privileged = true
  restart    = "unless-stopped"
  env        = ["PUID=1000", "PGID=1000", "SERVERPORT=${var.listen_port}"]
  capabilities {
    add = ["NET_ADMIN", "SYS_MODULE", "SYS_ADMIN"]
  }
  ports {
    internal = 51820
    external = var.listen_port
    protocol = "udp"
  }
  volumes {
    host_path      = "/lib/modules"
    container_path = "/lib/modules"
    read_only      = true
  }
}
