# Each container on its own network.
data "coder_workspace" "me" {}

resource "docker_network" "daemon" {
  name = "daemon-${data.coder_workspace.me.id}"
}

resource "docker_network" "workspace" {
  name = "workspace-${data.coder_workspace.me.id}"
}

resource "docker_container" "dind" {
  image      = "docker:dind"
  privileged = true
  name       = "dind-${data.coder_workspace.me.id}"
  networks_advanced {
    name    = docker_network.daemon.name
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
    name = docker_network.workspace.id
  }
}
