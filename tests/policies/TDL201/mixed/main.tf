# A privileged envbox container, or one whose privilege is unknown, before one that is not: the
# later ones are still checked.
variable "privileged" {
  type = bool
}

resource "docker_container" "privileged" {
  image      = "ghcr.io/coder/envbox:latest"
  name       = "coder-envbox-1"
  privileged = true
}

resource "docker_container" "unprivileged" {
  image      = "ghcr.io/coder/envbox:latest"
  name       = "coder-envbox-2"
  privileged = false # expect: TDL201
}

resource "kubernetes_pod" "two" {
  metadata {
    name = "coder-envbox"
  }
  spec {
    container {
      name    = "first"
      image   = "ghcr.io/coder/envbox:0.6.2"
      command = ["/envbox", "docker"]
      security_context {
        privileged = var.privileged
      }
    }
    container { # expect: TDL201
      name    = "second"
      image   = "ghcr.io/coder/envbox:0.6.2"
      command = ["/envbox", "docker"]
    }
  }
}

# A kubernetes_manifest pod: reported, with no fix (the edit would be to an HCL object, not a block).
resource "kubernetes_manifest" "envbox" {
  manifest = {
    apiVersion = "v1"
    kind       = "Pod"
    metadata   = { name = "envbox", namespace = "coder" }
    spec = {
      containers = [{ # expect: TDL201
        name  = "dev"
        image = "ghcr.io/coder/envbox:0.6.2"
      }]
    }
  }
}
