# The pod's own constraint: with the root's, Terraform installs a provider that meets both.
terraform {
  required_providers {
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = ">= 2.16.0"
    }
  }
}
