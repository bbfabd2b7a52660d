# Several clients and daemons in one template: a client that reaches no container comes first, two
# workspace containers use one outliving dind (one finding), and a dind whose count goes through a local.
data "coder_workspace" "me" {}

locals {
  running = data.coder_workspace.me.start_count
}

resource "docker_network" "private_network" {
  name = "network-${data.coder_workspace.me.id}"
}

resource "docker_container" "remote_client" {
  count = data.coder_workspace.me.start_count
  image = "codercom/enterprise-base:ubuntu"
  name  = "remote-${data.coder_workspace.me.id}"
  env   = ["DOCKER_HOST=tcp://10.0.0.12:2376"]
}

# stops with the workspace, through a local
resource "docker_container" "dind_local" {
  count      = local.running
  image      = "docker:dind"
  privileged = true
  name       = "dind-local-${data.coder_workspace.me.id}"
  networks_advanced {
    name = docker_network.private_network.name
  }
}

resource "docker_container" "uses_local" {
  count = data.coder_workspace.me.start_count
  image = "codercom/enterprise-base:ubuntu"
  name  = "uses-local-${data.coder_workspace.me.id}"
  env   = ["DOCKER_HOST=tcp://${docker_container.dind_local[0].name}:2376"]
  networks_advanced {
    name = docker_network.private_network.name
  }
}

resource "docker_container" "dind" { # expect: TDL406
  image      = "docker:dind"
  privileged = true
  name       = "dind-${data.coder_workspace.me.id}"
  networks_advanced {
    name = docker_network.private_network.name
  }
}

resource "docker_container" "first" {
  count = data.coder_workspace.me.start_count
  image = "codercom/enterprise-base:ubuntu"
  name  = "first-${data.coder_workspace.me.id}"
  env   = ["DOCKER_HOST=tcp://${docker_container.dind.name}:2376"]
  networks_advanced {
    name = docker_network.private_network.name
  }
}

resource "docker_container" "second" {
  count = data.coder_workspace.me.start_count
  image = "codercom/enterprise-base:ubuntu"
  name  = "second-${data.coder_workspace.me.id}"
  env   = ["DOCKER_HOST=tcp://${docker_container.dind.name}:2376"]
  networks_advanced {
    name = docker_network.private_network.name
  }
}
