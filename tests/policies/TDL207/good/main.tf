# The seed page's example (ex03) inside an envbox pod.
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
        name = "CODER_IMAGE_PULL_SECRET"
        value_from {
          secret_key_ref {
            name = "<name>"
            key  = ".dockerconfigjson"
          }
        }
      }
    }
  }
}

# Not envbox: CODER_IMAGE_PULL_SECRET means nothing special here.
resource "docker_container" "plain" {
  image = "codercom/enterprise-base:ubuntu"
  name  = "plain"
  env   = ["CODER_IMAGE_PULL_SECRET=unused"]
}
