# The root alone would allow an old provider; the module's own >= 2.16.0 narrows it: quiet.
terraform {
  required_providers {
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = ">= 1.0.0"
    }
  }
}

module "pod" {
  source = "../modules/pod"
}
