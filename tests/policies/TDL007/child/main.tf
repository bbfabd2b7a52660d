# The root declares coder and kubernetes and calls three local modules.
terraform {
  required_providers {
    coder      = { source = "coder/coder" }
    kubernetes = { source = "hashicorp/kubernetes", version = ">= 2.16.0" }
  }
}

module "pod" {
  source = "./modules/pod"
}

module "agent" {
  source = "./modules/agent"
}

module "declared" {
  source = "../child/modules/declared"
}
