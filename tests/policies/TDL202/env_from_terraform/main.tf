# env_from may provide the required variables: only a note (the Terraform spelling of TDL202/bad's envFrom).
resource "kubernetes_pod" "main" {
  metadata {
    name = "coder-envbox"
  }
  spec {
    container { # expect: TDL202 note
      name    = "dev"
      image   = "ghcr.io/coder/envbox:0.6.2"
      command = ["/envbox", "docker"]
      security_context {
        privileged = true
      }
      env_from {
        secret_ref {
          name = "envbox-settings"
        }
      }
      env {
        name  = "CODER_INNER_IMAGE"
        value = "codercom/enterprise-base:ubuntu"
      }
    }
  }
}
