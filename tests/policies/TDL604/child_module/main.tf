# The root's constraint admits versions before coder_devcontainer; the resource is in a module it calls, which
# has no constraint of its own.
terraform {
  required_providers {
    coder = {
      source  = "coder/coder"
      version = "~> 2.1.0"
    }
  }
}

module "dev" {
  source = "./dev"
}
