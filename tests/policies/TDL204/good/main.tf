variable "mounts" {
  type = list(object({ path = string, name = string }))
}

# A dynamic volume_mount block may mount anything: no finding.
resource "kubernetes_pod" "dynamic" {
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
      env {
        name  = "CODER_MOUNTS"
        value = "/home/coder/projects:/home/coder/projects"
      }
      dynamic "volume_mount" {
        for_each = var.mounts
        content {
          name       = volume_mount.value.name
          mount_path = volume_mount.value.path
        }
      }
    }
  }
}

# Every path mounted (a trailing slash is the same path); the CODER_MOUNTS source is under the home mount.
resource "docker_container" "workspace" {
  image      = "ghcr.io/coder/envbox:latest"
  name       = "coder-envbox"
  privileged = true
  env = [
    "CODER_MOUNTS=/home/coder/:/home/coder,/home/coder/.cache:/cache:ro",
  ]
  volumes {
    volume_name    = "coder-home"
    container_path = "/home/coder/"
  }
  volumes {
    volume_name    = "coder-sysbox"
    container_path = "/var/lib/sysbox/"
  }
  volumes {
    volume_name    = "coder-docker"
    container_path = "/var/lib/docker"
  }
  volumes {
    volume_name    = "coder-inner-docker"
    container_path = "/var/lib/coder/docker"
  }
  mounts {
    type   = "volume"
    source = "coder-containers"
    target = "/var/lib/containers"
  }
  mounts {
    type   = "volume"
    source = "coder-inner-containers"
    target = "/var/lib/coder/containers"
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
