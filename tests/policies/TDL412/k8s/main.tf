# The only container of a Coder template (it reads data.coder_workspace): it is the workspace even
# without an init_script reference.
data "coder_workspace" "me" {}

resource "kubernetes_pod" "main" {
  metadata {
    name = "coder-${data.coder_workspace.me.id}"
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
