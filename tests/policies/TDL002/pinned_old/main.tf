# Deliberately pinned below v0.23.0: coder_workspace_owner does not exist yet, so `owner` is the only way.
terraform {
  required_providers {
    coder = {
      source  = "coder/coder"
      version = "~> 0.22.0"
    }
  }
}

data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  arch = "amd64"
  os   = "linux"
  env = {
    GIT_AUTHOR_EMAIL = data.coder_workspace.me.owner_email
  }
}
