# The root pins the coder provider below v2.0.0; the child module inherits that pin (one version per configuration).
terraform {
  required_providers {
    coder = {
      source  = "coder/coder"
      version = "~> 1.0"
    }
  }
}

module "workspace" {
  source = "./modules/workspace"
}
