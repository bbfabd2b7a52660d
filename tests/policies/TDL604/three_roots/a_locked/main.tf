# Locked to 2.15.0: new enough.
terraform {
  required_providers {
    coder = {
      source  = "coder/coder"
      version = ">= 2.0.0"
    }
  }
}

module "dev" {
  source = "../dev"
}
