# No version constraint and no lock file: whatever `terraform init` picks decides (a note).
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
    runtime_class_name = "sysbox-runc" # expect: TDL003 note
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
    }
  }
}
