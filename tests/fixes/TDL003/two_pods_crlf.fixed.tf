terraform {
  required_providers {
    coder = {
      source = "coder/coder"
    }
    # Pinned when the template was written; Sysbox came later.
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = ">= 2.16.0, < 3.0.0" # no 3.x yet
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

resource "kubernetes_pod" "tools" {
  metadata {
    name = "tools"
  }
  spec {
    runtime_class_name = "sysbox-runc" # the same runtime
    container {
      name  = "tools"
      image = "codercom/enterprise-base:ubuntu"
    }
  }
}
