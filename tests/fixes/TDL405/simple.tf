data "coder_workspace" "me" {}

resource "docker_network" "private_network" {
  name = "network-${data.coder_workspace.me.id}"
}

resource "docker_container" "dind" {
  image      = "docker:dind"
  privileged = true
  name       = "dind-${data.coder_workspace.me.id}"
}

resource "docker_container" "workspace" {
  image = "codercom/enterprise-base:ubuntu"
  name  = "dev-${data.coder_workspace.me.id}"
  env = [
    "DOCKER_HOST=tcp://${docker_container.dind.name}:2376",
    "DOCKER_TLS_VERIFY=1",
    "DOCKER_CERT_PATH=/certs/client",
  ]
  networks_advanced {
    name = docker_network.private_network.name
  }
}
