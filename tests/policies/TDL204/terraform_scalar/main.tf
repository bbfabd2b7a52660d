variable "mounts" {
  type = list(object({ path = string, name = string }))
}

# Terraform renders a number as a string, and envbox reads `42` as one token: malformed.
resource "kubernetes_pod" "number" {
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
        value = 42 # expect: TDL204
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
