variable "privileged" {
  type = bool
}

variable "outer_privileged" {
  type    = bool
  default = true
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
        privileged = var.outer_privileged
      }
    }
  }
}

# A value the tool cannot know is not reported.
resource "docker_container" "unknown" {
  image      = "ghcr.io/coder/envbox:latest"
  name       = "coder-envbox"
  privileged = var.privileged
}

resource "docker_container" "workspace" {
  image      = "ghcr.io/coder/envbox:latest"
  name       = "coder-envbox-2"
  privileged = true
}

# Not envbox: nothing to say.
resource "docker_container" "plain" {
  image = "codercom/enterprise-base:ubuntu"
  name  = "plain"
}
