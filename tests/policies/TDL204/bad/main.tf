resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

# Only the home directory is mounted; envbox's state lives on the outer container's root filesystem.
resource "kubernetes_pod" "main" {
  metadata {
    name = "coder-envbox"
  }
  spec {
    container { # expect: TDL204
      name    = "dev"
      image   = "ghcr.io/coder/envbox:0.6.2"
      command = ["/envbox", "docker"]
      security_context {
        privileged = true
      }
      env {
        name  = "CODER_MOUNTS"
        value = "/home/coder:/home/coder"
      }
      volume_mount {
        name       = "home"
        mount_path = "/home/coder"
      }
    }
    volume {
      name = "home"
      empty_dir {}
    }
  }
}

resource "docker_container" "workspace" {
  image      = "ghcr.io/coder/envbox:latest"
  name       = "coder-envbox"
  privileged = true
  env = [
    "CODER_MOUNTS=/home/coder:/home/coder,/data", # expect: TDL204
  ]
  volumes {
    volume_name    = "coder-home"
    container_path = "/home/coder"
  }
  volumes {
    volume_name    = "coder-sysbox"
    container_path = "/var/lib/sysbox"
  }
  volumes {
    volume_name    = "coder-docker"
    container_path = "/var/lib/docker"
  }
  volumes {
    volume_name    = "coder-inner-docker"
    container_path = "/var/lib/coder/docker"
  }
  volumes {
    volume_name    = "coder-containers"
    container_path = "/var/lib/containers"
  }
  volumes {
    volume_name    = "coder-inner-containers"
    container_path = "/var/lib/coder/containers"
  }
  volumes {
    host_path      = "/usr/src"
    container_path = "/usr/src"
    read_only      = true
  }
  volumes {
    host_path      = "/lib/modules"
    container_path = "/lib/modules"
    read_only      = true
  }
}
