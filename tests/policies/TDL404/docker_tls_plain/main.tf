# The daemon serves plain HTTP (DOCKER_TLS_CERTDIR empty) while the client asks for TLS.
data "coder_workspace" "me" {}

# an agent no container runs (a VM): its DOCKER_HOST is not this template's dind's business
resource "coder_agent" "vm" {
  os   = "linux"
  arch = "amd64"
  env = {
    DOCKER_HOST = "tcp://build-host:2375"
  }
}

resource "docker_network" "private_network" {
  name = "network-${data.coder_workspace.me.id}"
}

resource "docker_container" "dind" {
  image      = "docker:dind"
  privileged = true
  name       = "dind-${data.coder_workspace.me.id}"
  env        = ["DOCKER_TLS_CERTDIR="]
  networks_advanced {
    name = docker_network.private_network.name
  }
}

resource "docker_container" "workspace" {
  image = "codercom/enterprise-base:ubuntu"
  name  = "dev-${data.coder_workspace.me.id}"
  env = [
    "DOCKER_HOST=tcp://${docker_container.dind.name}:2375", # expect: TDL404
    "DOCKER_TLS_VERIFY=1",
    "DOCKER_CERT_PATH=/certs/client",
  ]
  networks_advanced {
    name = docker_network.private_network.name
  }
}

# on the host's network: localhost may reach a port dind publishes
resource "docker_container" "host_network" {
  image        = "codercom/enterprise-base:ubuntu"
  name         = "host-${data.coder_workspace.me.id}"
  network_mode = "host"
  env          = ["DOCKER_HOST=tcp://localhost:2375"]
}
