# Multi-clause constraints are version ranges: ">= 2.0, != 2.3.0" still admits 2.0.0 ... 2.15.x.
terraform {
  required_providers {
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = ">= 2.0, != 2.3.0"
    }
  }
}

variable "runtime_class" {
  type = string
}

resource "kubernetes_deployment_v1" "dev" {
  metadata {
    name = "dev"
  }
  spec {
    replicas = 1
    selector {
      match_labels = { app = "dev" }
    }
    template {
      metadata {
        labels = { app = "dev" }
      }
      spec {
        # the value is unknown, but the attribute itself needs the newer provider
        runtime_class_name = var.runtime_class # expect: TDL003 error
        container {
          name  = "dev"
          image = "codercom/enterprise-base:ubuntu"
        }
      }
    }
  }
}
