# No version constraint, but the lock file in this directory selects 2.12.1.
terraform {
  required_providers {
    kubernetes = {
      source = "hashicorp/kubernetes"
    }
  }
}

resource "kubernetes_pod_v1" "dev" {
  metadata {
    name = "dev"
  }
  spec {
    runtime_class_name = "sysbox-runc" # expect: TDL003 error
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
    }
  }
}
