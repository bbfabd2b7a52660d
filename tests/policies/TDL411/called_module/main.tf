# A Coder template that builds its container in a local module: the module is part of the workspace.
data "coder_workspace" "me" {}

module "container" {
  source = "./container"
  name   = "dev-${data.coder_workspace.me.id}"
}
