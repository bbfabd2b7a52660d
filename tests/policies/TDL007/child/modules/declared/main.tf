terraform {
  required_providers {
    coder = { source = "coder/coder" }
  }
}

resource "coder_agent" "main" {
  arch = "amd64"
  os   = "linux"
}
