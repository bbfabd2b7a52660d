terraform {
  required_providers {
    coder = {
      source  = "coder/coder"
      version = ">= 2.0.0"
    }
  }
}

# The workspace and its owner.
data "coder_workspace" "dev" {
  # nothing to configure
}

data "coder_workspace_owner" "dev" {}

resource "coder_agent" "main" {
  arch = "amd64"
  os   = "linux"
  # data.coder_workspace.dev.owner in a comment is not a reference
  startup_script = <<-EOT
    git config --global user.email "${data.coder_workspace_owner.dev.email}"
  EOT
}
