# Limits at their edges: exactly 6 MiB is the smallest memory limit Docker accepts, and an empty
# Downward API divisor is the default one.
resource "docker_container" "six_mib" {
  image      = "ghcr.io/coder/envbox:latest"
  name       = "coder-envbox"
  privileged = true
  env = [
    "CODER_MEMORY=6291456",
  ]
}

resource "kubernetes_pod" "empty_divisor" {
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
        name = "CODER_MEMORY"
        value_from {
          resource_field_ref {
            resource = "limits.memory"
            divisor  = ""
          }
        }
      }
    }
  }
}
