# The provider's full registry address is the same provider.
terraform {
  required_providers {
    kubernetes = {
      source  = "registry.terraform.io/hashicorp/kubernetes"
      version = "~> 2.12"
    }
  }
}

resource "kubernetes_pod" "dev" {
  metadata {
    name = "dev"
  }
  spec {
    runtime_class_name = "sysbox-runc" # expect: TDL003
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
    }
  }
}
