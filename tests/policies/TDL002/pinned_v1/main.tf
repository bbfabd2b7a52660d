# Pinned to a 1.x provider: `owner` still exists there but is deprecated (a warning, not an error).
terraform {
  required_providers {
    coder = {
      source  = "coder/coder"
      version = ">= 0.23.0, < 2.0.0"
    }
  }
}

data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  arch = "amd64"
  os   = "linux"
  env = {
    GIT_AUTHOR_NAME = data.coder_workspace.me.owner_name # expect: TDL002 warning
  }
}
