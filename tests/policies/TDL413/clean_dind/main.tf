# The template's own dind container: TDL402 / TDL404 judge it, not this rule.
data "coder_workspace" "me" {}

resource "docker_network" "private_network" {
  name = "network-${data.coder_workspace.me.id}"
}

resource "docker_container" "dind" {
  image      = "docker:dind"
  privileged = true
  name       = "dind-${data.coder_workspace.me.id}"
  command    = ["dockerd", "-H", "tcp://0.0.0.0:2375"]
  networks_advanced {
    name    = docker_network.private_network.name
    aliases = ["docker"]
  }
}

resource "docker_container" "workspace" {
  image = "codercom/enterprise-base:ubuntu"
  name  = "dev-${data.coder_workspace.me.id}"
  env   = ["DOCKER_HOST=tcp://docker:2375"]
  networks_advanced {
    name = docker_network.private_network.name
  }
}
