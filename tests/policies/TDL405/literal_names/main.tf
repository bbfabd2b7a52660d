# Networks created outside this template, named literally: the daemon and the workspace are on different ones.
data "coder_workspace" "me" {}

resource "docker_container" "dind" {
  image      = "docker:dind"
  privileged = true
  name       = "dind-${data.coder_workspace.me.id}"
  networks_advanced {
    name    = "coder-builds"
    aliases = ["docker"]
  }
}

resource "docker_container" "workspace" {
  image = "codercom/enterprise-base:ubuntu"
  name  = "dev-${data.coder_workspace.me.id}"
  env = [
    "DOCKER_HOST=tcp://docker:2376", # expect: TDL405
    "DOCKER_TLS_VERIFY=1",
    "DOCKER_CERT_PATH=/certs/client",
  ]
  networks_advanced {
    name = "coder-workspaces"
  }
}
