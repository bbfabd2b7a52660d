variable "data_path" {
  type = string
}

# One mount path the tool cannot know (a variable without a default): it may be any of the
# paths envbox needs, or the CODER_MOUNTS source, so neither finding.
resource "kubernetes_pod" "unknown_path" {
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
        value = "/srv/projects:/home/coder/projects"
      }
      volume_mount {
        name       = "home"
        mount_path = "/home/coder"
      }
      volume_mount {
        name       = "data"
        mount_path = var.data_path
      }
    }
    volume {
      name = "home"
      empty_dir {}
    }
    volume {
      name = "data"
      empty_dir {}
    }
  }
}
