# Clients this rule passes over come first: one in the dind container's network namespace, one on the
# dind container's network written by its literal name, one naming a container that runs no daemon;
# then a workspace on another network than its dind.
data "coder_workspace" "me" {}

resource "docker_network" "a" {
  name = "builds"
}

resource "docker_network" "b" {
  name = "b-${data.coder_workspace.me.id}"
}

resource "docker_container" "dind" {
  image      = "docker:dind"
  privileged = true
  name       = "dind-${data.coder_workspace.me.id}"
  env        = ["DOCKER_TLS_CERTDIR="]
  networks_advanced {
    name = docker_network.a.name
  }
}

resource "docker_container" "netns" {
  image        = "codercom/enterprise-base:ubuntu"
  name         = "netns-${data.coder_workspace.me.id}"
  network_mode = "container:${docker_container.dind.id}"
  env          = ["DOCKER_HOST=tcp://${docker_container.dind.name}:2375"]
}

resource "docker_container" "literal_network" {
  image = "codercom/enterprise-base:ubuntu"
  name  = "literal-${data.coder_workspace.me.id}"
  env   = ["DOCKER_HOST=tcp://${docker_container.dind.name}:2375"]
  networks_advanced {
    name = "builds"
  }
}

resource "docker_container" "buildkit" {
  image = "moby/buildkit:v0.18.2"
  name  = "buildkit"
  networks_advanced {
    name = docker_network.b.name
  }
}

resource "docker_container" "uses_buildkit" {
  image = "codercom/enterprise-base:ubuntu"
  name  = "uses-buildkit-${data.coder_workspace.me.id}"
  env   = ["DOCKER_HOST=tcp://buildkit:1234"]
  networks_advanced {
    name = docker_network.a.name
  }
}

resource "docker_container" "workspace" {
  image = "codercom/enterprise-base:ubuntu"
  name  = "dev-${data.coder_workspace.me.id}"
  env   = ["DOCKER_HOST=tcp://${docker_container.dind.name}:2375"] # expect: TDL405
  networks_advanced {
    name = docker_network.b.name
  }
}

# on no user-defined network, while the dind container is on one
resource "docker_container" "bare" {
  image = "codercom/enterprise-base:ubuntu"
  name  = "bare-${data.coder_workspace.me.id}"
  env   = ["DOCKER_HOST=tcp://${docker_container.dind.name}:2375"] # expect: TDL405
}
