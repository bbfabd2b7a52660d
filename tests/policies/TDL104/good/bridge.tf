# kreuzwerker's network_mode defaults to "bridge": an explicit "bridge" (or a mode from a variable) is not the host's.
variable "pid_mode" {
  type = string
}

data "coder_workspace" "me" {}

resource "docker_container" "bridge" {
  name         = "bridge-${data.coder_workspace.me.id}"
  image        = "codercom/enterprise-base:ubuntu"
  runtime      = "sysbox-runc"
  network_mode = "bridge"
  pid_mode     = var.pid_mode
}
