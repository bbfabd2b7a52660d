terraform {
  required_providers {
    coder = { source = "coder/coder" }
  }
}

data "coder_workspace" "me" {}

module "pod" {
  source = "./modules/pod"
  name   = "coder-${data.coder_workspace.me.id}"
}
