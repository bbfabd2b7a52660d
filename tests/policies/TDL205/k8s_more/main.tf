variable "sysbox_dir" {
  type = string
}

# A host path the tool cannot know at /var/lib/sysbox: no finding.
resource "kubernetes_pod" "unknown_host_path" {
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
        name       = "sysbox"
        mount_path = "/var/lib/sysbox"
      }
    }
    volume {
      name = "sysbox"
      host_path {
        path = var.sysbox_dir
      }
    }
  }
}
