# Admits only versions before 2.3.0: the module it calls is reported.
terraform {
  required_providers {
    coder = {
      source  = "coder/coder"
      version = "~> 2.1.0"
    }
  }
}

module "dev" {
  source = "../dev"
}
