# The container's security_context exists: privileged goes into it (no second block).
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
        run_as_user = 0
        privileged = true
      }
    }
  }
}

# A block on one line is not re-formatted: reported, not fixed.
resource "docker_container" "one_line" { image = "ghcr.io/coder/envbox:latest" }
