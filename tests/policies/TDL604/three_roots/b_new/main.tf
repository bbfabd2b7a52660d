# Admits nothing before 2.3.0.
terraform {
  required_providers {
    coder = {
      source  = "coder/coder"
      version = ">= 2.3.0"
    }
  }
}

module "dev" {
  source = "../dev"
}
