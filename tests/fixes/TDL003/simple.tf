# An older revision of Coder's Kubernetes template pins ~> 2.12.1; adding the Sysbox runtime class breaks plan.
terraform {
  required_providers {
    coder = { source = "coder/coder" }
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = "~> 2.12.1"
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
