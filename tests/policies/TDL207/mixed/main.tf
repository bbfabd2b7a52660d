# Containers without a pull secret, or with an empty one, before one with a literal: it is still reported.
resource "kubernetes_pod" "main" {
  metadata {
    name = "coder-envbox"
  }
  spec {
    container {
      name    = "none"
      image   = "ghcr.io/coder/envbox:0.6.2"
      command = ["/envbox", "docker"]
      security_context {
        privileged = true
      }
    }
    container {
      name    = "empty"
      image   = "ghcr.io/coder/envbox:0.6.2"
      command = ["/envbox", "docker"]
      security_context {
        privileged = true
      }
      env {
        name  = "CODER_IMAGE_PULL_SECRET"
        value = ""
      }
    }
    container {
      name    = "literal"
      image   = "ghcr.io/coder/envbox:0.6.2"
      command = ["/envbox", "docker"]
      security_context {
        privileged = true
      }
      env {
        name  = "CODER_IMAGE_PULL_SECRET"
        value = "{\"auths\":{}}" # expect: TDL207
      }
    }
  }
}
