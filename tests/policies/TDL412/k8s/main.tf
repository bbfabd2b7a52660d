# The only container of the template: it is the workspace even without an init_script reference.
resource "kubernetes_pod" "main" {
  metadata {
    name = "workspace"
  }
  spec {
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", "sudo dockerd & sleep infinity"]
      security_context {
        privileged = "true" # expect: TDL412
      }
    }
  }
}
