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

# a static host directory for every workspace's pod
resource "kubernetes_pod" "pod" {
  metadata {
    name = "pod"
  }
  spec {
    runtime_class_name = "sysbox-runc"
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
      volume_mount {
        name       = "docker"
        mount_path = "/var/lib/docker"
      }
    }
    volume {
      name = "docker"
      host_path {
        path = "/srv/pod-docker-cache" # expect: TDL105
      }
    }
  }
}

# the host's /var/lib/docker with no container path written
resource "docker_container" "no_container_path" {
  name    = "no-container-path"
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc"
  volumes {
    host_path = "/var/lib/docker" # expect: TDL105
  }
}

# a name made anew on every apply
resource "docker_container" "uuid" {
  name    = "uuid"
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc"
  volumes {
    volume_name    = uuid()
    container_path = "/var/lib/docker"
  }
}
