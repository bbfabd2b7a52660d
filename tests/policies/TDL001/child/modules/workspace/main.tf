variable "image" {
  default = "codercom/enterprise-base:ubuntu"
}

resource "kubernetes_pod" "dev" {
  metadata {
    name      = "dev"
    namespace = var.namespace # expect: TDL001
  }
  spec {
    container {
      name  = "dev"
      image = var.image
    }
  }
}
