# Several dind sidecars in one pod: the skipped ones first (a data-root from a variable without a default,
# volume mounts from a dynamic block), then two without a volume at their data-root, written with a
# trailing slash and with a name ending in another character than a slash.
variable "data_root" {
  type = string
}

variable "mounts" {
  type = map(string)
}

resource "kubernetes_pod" "main" {
  metadata {
    name = "coder-several"
  }
  spec {
    container {
      name  = "unknown-root"
      image = "docker:dind"
      args  = ["--data-root=${var.data_root}"]
      security_context {
        privileged = true
      }
    }
    container {
      name  = "dynamic-mounts"
      image = "docker:dind"
      security_context {
        privileged = true
      }
      dynamic "volume_mount" {
        for_each = var.mounts
        content {
          name       = volume_mount.key
          mount_path = volume_mount.value
        }
      }
    }
    container { # expect: TDL409
      name  = "slash"
      image = "docker:dind"
      args  = ["--data-root=/data/docker/"]
      security_context {
        privileged = true
      }
    }
    container { # expect: TDL409
      name  = "suffix"
      image = "docker:dind"
      args  = ["--data-root=/srv/dockerX"]
      security_context {
        privileged = true
      }
      volume_mount {
        name       = "srv"
        mount_path = "/srv/docker"
      }
    }
    volume {
      name = "srv"
      empty_dir {}
    }
  }
}
