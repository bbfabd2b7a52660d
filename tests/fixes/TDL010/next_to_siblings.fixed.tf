data "coder_provisioner" "me" {}
data "coder_parameter" "size" {
  name    = "size"
  default = "10"
}

data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  arch = data.coder_provisioner.me.arch
  os   = "linux"
  dir  = "/home/${data.coder_workspace.me.name}"
}
