# envbox-docker's CODER_MEMORY=2 (2 bytes) and other values envbox ignores or cannot use.
resource "docker_container" "workspace" {
  image      = "ghcr.io/coder/envbox:latest"
  name       = "coder-envbox"
  privileged = true
  env = [
    "CODER_CPUS=1.5",     # expect: TDL206
    "CODER_MEMORY=2",     # expect: TDL206
    "CODER_ADD_FUSE=yes", # expect: TDL206
    "CODER_ADD_TUN=on",   # expect: TDL206
  ]
}

resource "kubernetes_pod" "main" {
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
        name  = "CODER_MEMORY"
        value = "4Gi" # expect: TDL206
      }
      env {
        name  = "CODER_ADD_GPU"
        value = true # expect: TDL206
      }
      env {
        name = "CODER_CPUS"
        value_from {
          resource_field_ref {
            resource = "limits.cpu"
            divisor  = "1m" # expect: TDL206
          }
        }
      }
    }
  }
}
