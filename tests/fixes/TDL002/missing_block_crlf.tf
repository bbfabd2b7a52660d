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

locals {
  owner = data.coder_workspace.me.owner   # the user name
  email = data.coder_workspace.me.owner_email
}
