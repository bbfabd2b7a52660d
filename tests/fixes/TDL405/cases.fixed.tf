# Which TDL405 findings get a fix: the bare side joins the other's only network, unless it sets a
# network_mode or the network's name is written over several lines.
data "coder_workspace" "me" {}

resource "docker_network" "net" {
  name = "net-${data.coder_workspace.me.id}"
}

resource "docker_container" "dind_a" {
  image      = "docker:dind"
  privileged = true
  name       = "dind-a-${data.coder_workspace.me.id}"
  networks_advanced {
    name = docker_network.net.name
  }
}

# fixed
resource "docker_container" "workspace_a" {
  image = "codercom/enterprise-base:ubuntu"
  name  = "a-${data.coder_workspace.me.id}"
  env   = ["DOCKER_HOST=tcp://${docker_container.dind_a.name}:2375"]
  networks_advanced {
    name = docker_network.net.name
  }
}

# not fixed: it sets a network_mode
resource "docker_container" "workspace_b" {
  image        = "codercom/enterprise-base:ubuntu"
  name         = "b-${data.coder_workspace.me.id}"
  network_mode = "bridge"
  env          = ["DOCKER_HOST=tcp://${docker_container.dind_a.name}:2375"]
}

resource "docker_container" "dind_c" {
  image      = "docker:dind"
  privileged = true
  name       = "dind-c-${data.coder_workspace.me.id}"
  networks_advanced {
    name = (
      docker_network.net.name
    )
  }
}

# not fixed: the network's name is written over several lines
resource "docker_container" "workspace_c" {
  image = "codercom/enterprise-base:ubuntu"
  name  = "c-${data.coder_workspace.me.id}"
  env   = ["DOCKER_HOST=tcp://${docker_container.dind_c.name}:2375"]
}
