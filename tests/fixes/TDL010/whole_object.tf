data "coder_provisioner" "me" {}

locals {
  arch = data.coder_provisioner.me.arch
}

# The declaration goes next to the other coder data source, not before this block.
resource "docker_volume" "home" {
  depends_on = [data.coder_workspace.me]
  name       = "coder-home"
}
