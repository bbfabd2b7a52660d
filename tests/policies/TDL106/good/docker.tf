# Docker provider: envbox under the default runtime, and a Sysbox container that is not envbox.
data "coder_workspace" "me" {}

resource "docker_container" "envbox" {
  name       = "envbox-${data.coder_workspace.me.id}"
  image      = "ghcr.io/coder/envbox:0.6.2"
  privileged = true
}

resource "docker_container" "sysbox" {
  name    = "sysbox-${data.coder_workspace.me.id}"
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc"
}
