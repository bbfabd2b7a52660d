# Host sockets mounted through dynamic blocks whose for_each is known: on by default.
variable "mount_docker_socket" {
  type    = bool
  default = true
}

variable "extra_mounts" {
  type = map(string)
  default = {
    "/run/containerd/containerd.sock" = "/run/containerd/containerd.sock"
  }
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
      source = mounts.value # expect: TDL410
      target = "/var/run/docker.sock"
    }
  }
  dynamic "volumes" {
    for_each = var.extra_mounts
    iterator = extra
    content {
      host_path      = extra.key # expect: TDL410
      container_path = extra.value
    }
  }
}

resource "kubernetes_pod" "workspace" {
  metadata {
    name = "dev"
  }
  spec {
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.main.init_script]
      dynamic "volume_mount" {
        for_each = [{ name = "docker-sock", path = "/var/run/docker.sock" }]
        content {
          name       = volume_mount.value.name
          mount_path = volume_mount.value.path
        }
      }
    }
    dynamic "volume" {
      for_each = var.mount_docker_socket ? ["docker-sock"] : []
      content {
        name = volume.value
        host_path {
          path = "/var/run/docker.sock" # expect: TDL410
        }
      }
    }
  }
}
