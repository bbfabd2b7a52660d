variable "registry_credentials" {
  type      = string
  sensitive = true
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
        name  = "CODER_IMAGE_PULL_SECRET"
        value = var.registry_credentials # expect: TDL207
      }
    }
  }
}

resource "kubernetes_pod" "other_key" {
  metadata {
    name = "coder-envbox-2"
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
        name = "CODER_IMAGE_PULL_SECRET"
        value_from {
          secret_key_ref {
            name = "regcred"
            key  = "config.json" # expect: TDL207
          }
        }
      }
    }
  }
}

# Docker provider: no Kubernetes Secret to read it from, so only a note.
resource "docker_container" "workspace" {
  image      = "ghcr.io/coder/envbox:latest"
  name       = "coder-envbox"
  privileged = true
  env = [
    "CODER_IMAGE_PULL_SECRET={\"auths\":{\"registry.example.com\":{\"auth\":\"dXNlcjpwYXNz\"}}}", # expect: TDL207
  ]
}
