# Resources that pick a provider configuration with the `provider` meta-argument use its local name
# (`k8s`, declared), not their type's prefix (`kubernetes`, not declared): nothing is reported.
terraform {
  required_providers {
    k8s = {
      source  = "hashicorp/kubernetes"
      version = "~> 2.30"
    }
  }
}

provider "k8s" {
  alias = "west"
}

resource "kubernetes_namespace" "coder" {
  provider = k8s.west
  metadata {
    name = "coder"
  }
}

# The quoted form of Terraform 0.11, still accepted (with a deprecation warning).
resource "kubernetes_namespace" "legacy" {
  provider = "k8s.west"
  metadata {
    name = "legacy"
  }
}
