terraform {
  required_providers {
    coder = {
      source = "coder/coder"
    }
  }
}

# The workspace, then its owner.
data "coder_workspace" "me" {
}

data "coder_workspace_owner" "me" {}

locals {
  owner = data.coder_workspace_owner.me.name   # the user name
  email = data.coder_workspace_owner.me.email
}
