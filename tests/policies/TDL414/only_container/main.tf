# A Coder template whose only container runs no init script: it is the workspace all the same.
data "coder_workspace" "me" {}

resource "docker_container" "workspace" {
  image = "ubuntu:24.04"
  name  = "dev-${data.coder_workspace.me.id}"
  capabilities {
    add = ["SYS_ADMIN"] # expect: TDL414
  }
}
