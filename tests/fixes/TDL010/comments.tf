terraform {
  required_providers {
    coder = {
      source = "coder/coder"
    }
  }
}

// Names of the workspace's resources.
locals {
  name = "coder-${data.coder_workspace.dev.id}" # one per workspace
}
