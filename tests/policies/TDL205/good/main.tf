data "coder_workspace" "me" {}

variable "layout" {
  type = string
}

resource "docker_volume" "data" {
  name = "coder-${data.coder_workspace.me.id}-data"
}

resource "docker_volume" "sysbox" {
  name = "coder-${data.coder_workspace.me.id}-sysbox"
}

# One volume, but a subpath per directory (newer Docker engines).
resource "docker_container" "workspace" {
  image      = "ghcr.io/coder/envbox:latest"
  name       = "coder-${data.coder_workspace.me.id}"
  privileged = true
  mounts {
    target = "/var/lib/coder/docker"
    source = docker_volume.data.name
    type   = "volume"
    volume_options {
      subpath = "inner-docker"
    }
  }
  mounts {
    target = "/var/lib/docker"
    source = docker_volume.data.name
    type   = "volume"
    volume_options {
      subpath = "outer-docker"
    }
  }
  volumes {
    volume_name    = docker_volume.sysbox.name
    container_path = "/var/lib/sysbox"
  }
}

# A sub_path the tool cannot know may well be distinct.
resource "kubernetes_pod" "unknown" {
  metadata {
    name = "coder-envbox"
  }
  spec {
    container {
      name    = "dev"
      image   = "ghcr.io/coder/envbox:0.6.2"
      command = ["/envbox", "docker"]
      security_context {
        privileged = true
      }
      volume_mount {
        name       = "home"
        mount_path = "/var/lib/coder/docker"
        sub_path   = "docker"
      }
      volume_mount {
        name       = "home"
        mount_path = "/var/lib/docker"
        sub_path   = var.layout
      }
      volume_mount {
        name       = "sysbox"
        mount_path = "/var/lib/sysbox"
      }
    }
    volume {
      name = "home"
      empty_dir {}
    }
    volume {
      name = "sysbox"
      empty_dir {}
    }
  }
}

# Not envbox: the envbox layout rules do not apply.
resource "docker_container" "plain" {
  image = "codercom/enterprise-base:ubuntu"
  name  = "plain"
  volumes {
    volume_name    = "shared"
    container_path = "/home/coder"
  }
  volumes {
    volume_name    = "shared"
    container_path = "/var/lib/docker"
  }
}
