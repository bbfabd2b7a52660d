# Neither this child nor its root constrains the kubernetes provider.
variable "name" {
  type = string
}

resource "kubernetes_pod_v1" "dev" { # expect: TDL007 note
  metadata {
    name = var.name
  }
  spec {
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
    }
  }
}
