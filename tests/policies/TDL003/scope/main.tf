# Outside the rule: runtimeClassName inside kubernetes_manifest, and other providers' pod resources.
terraform {
  required_providers {
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = "~> 2.12.1"
    }
    k8s = {
      source = "mingfang/k8s"
    }
  }
}

resource "kubernetes_manifest" "dev" {
  manifest = {
    apiVersion = "v1"
    kind       = "Pod"
    metadata   = { name = "dev", namespace = "coder" }
    spec = {
      runtimeClassName = "sysbox-runc"
      containers       = [{ name = "dev", image = "codercom/enterprise-base:ubuntu" }]
    }
  }
}

resource "k8s_core_v1_pod" "dev" {
  metadata {
    name = "dev"
  }
  spec {
    runtime_class_name = "sysbox-runc"
    containers {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
    }
  }
}
