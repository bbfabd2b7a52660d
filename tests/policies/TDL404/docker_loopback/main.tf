# RULES.md's example: dind bound to its own loopback, reached from another container.
data "coder_workspace" "me" {}

resource "docker_network" "private_network" {
  name = "network-${data.coder_workspace.me.id}"
}

resource "docker_container" "dind" {
  image      = "docker:dind"
  privileged = true
  name       = "dind-${data.coder_workspace.me.id}"
  command    = ["dockerd", "-H", "tcp://127.0.0.1:2375"]
  networks_advanced {
    name = docker_network.private_network.name
  }
}

resource "docker_container" "workspace" {
  image = "codercom/enterprise-base:ubuntu"
  name  = "dev-${data.coder_workspace.me.id}"
  env   = ["DOCKER_HOST=tcp://${docker_container.dind.name}:2375"] # expect: TDL404 error
  networks_advanced {
    name = docker_network.private_network.name
  }
}
