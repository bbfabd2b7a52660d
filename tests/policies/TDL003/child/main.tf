# The root requires >= 2.16.0; the child module has no terraform block. Terraform installs one
# kubernetes provider for the whole configuration, meeting every module's constraints.
terraform {
  required_providers {
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = ">= 2.16.0"
    }
  }
}

module "pod" {
  source = "./modules/pod"
}
