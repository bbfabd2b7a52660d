# A provider named `kubernetes` from another source: its versions are not hashicorp/kubernetes's.
terraform {
  required_providers {
    kubernetes = {
      source  = "example-corp/kubernetes"
      version = "~> 2.12"
    }
  }
}

resource "kubernetes_pod" "dev" {
  metadata {
    name = "dev"
  }
  spec {
    runtime_class_name = "sysbox-runc"
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
    }
  }
}
