variable "workspaces_namespace" {
  type    = string
  default = "coder-namespace"
}

resource "kubernetes_pod" "main" {
  metadata {
    name      = "coder-workspace"
    namespace = var.namespace
  }
  spec {
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
    }
  }
}
