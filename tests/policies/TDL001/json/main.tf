data "coder_workspace" "me" {}

resource "kubernetes_pod" "main" {
  count = data.coder_workspace.me.start_count
  metadata {
    name      = "coder-${data.coder_workspace.me.id}"
    namespace = var.workspaces_namespace
  }
  spec {
    container {
      name  = "dev"
      image = var.image
    }
  }
}
