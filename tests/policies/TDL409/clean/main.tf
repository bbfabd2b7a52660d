# Data-roots on volumes (directly, through a parent directory, at a moved --data-root), a dynamic
# volume_mount, and the Docker provider (the engine backs the image's VOLUME itself): no finding.
variable "docker_volumes" {
  type    = list(string)
  default = []
}

resource "kubernetes_pod" "main" {
  metadata {
    name = "coder-main"
  }
  spec {
    container {
      name  = "docker-sidecar"
      image = "docker:dind"
      security_context {
        privileged = true
      }
      volume_mount {
        name       = "docker-data"
        mount_path = "/var/lib/docker/"
      }
    }
    container {
      name  = "parent"
      image = "docker:dind"
      security_context {
        privileged = true
      }
      volume_mount {
        name       = "var-lib"
        mount_path = "/var/lib"
      }
    }
    container {
      name  = "moved"
      image = "docker:dind"
      args  = ["dockerd", "--data-root", "/data/docker", "--host=tcp://127.0.0.1:2376", "--tlsverify"]
      security_context {
        privileged = true
      }
      volume_mount {
        name       = "data"
        mount_path = "/data"
      }
    }
    container {
      name  = "dynamic"
      image = "docker:dind"
      security_context {
        privileged = true
      }
      dynamic "volume_mount" {
        for_each = var.docker_volumes
        content {
          name       = volume_mount.value
          mount_path = "/var/lib/docker"
        }
      }
    }
    container {
      name    = "envbox"
      image   = "ghcr.io/coder/envbox:0.6.2"
      command = ["/envbox", "docker"]
      security_context {
        privileged = true
      }
      volume_mount {
        name       = "home"
        mount_path = "/var/lib/coder/docker"
        sub_path   = "cache/docker"
      }
      volume_mount {
        name       = "home"
        mount_path = "/var/lib/docker"
        sub_path   = "envbox/docker"
      }
    }
    volume {
      name = "docker-data"
      empty_dir {}
    }
    volume {
      name = "var-lib"
      empty_dir {}
    }
    volume {
      name = "data"
      empty_dir {}
    }
    volume {
      name = "home"
      empty_dir {}
    }
  }
}

resource "docker_container" "dind" {
  image      = "docker:dind"
  privileged = true
  name       = "dind"
}

# Sysbox backs the inner /var/lib/docker itself; the agent's own dockerd is not a sidecar.
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "kubernetes_pod" "sysbox" {
  metadata {
    name = "coder-sysbox"
  }
  spec {
    runtime_class_name = "sysbox-runc"
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", "sudo dockerd > /tmp/dockerd.log 2>&1 & ${coder_agent.main.init_script}"]
    }
  }
}
