# Clients this rule passes over come first: an agent no container runs (a VM), a Kubernetes pod,
# an address naming no container; then a workspace on another network than its dind.
data "coder_workspace" "me" {}

resource "coder_agent" "vm" {
  os   = "linux"
  arch = "amd64"
  env = {
    DOCKER_HOST = "tcp://dind-${data.coder_workspace.me.id}:2375"
  }
}

resource "kubernetes_pod" "pod" {
  metadata {
    name = "pod"
  }
  spec {
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
      env {
        name  = "DOCKER_HOST"
        value = "tcp://localhost:2375"
      }
    }
  }
}

resource "docker_network" "a" {
  name = "a-${data.coder_workspace.me.id}"
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

resource "docker_container" "elsewhere" {
  image = "codercom/enterprise-base:ubuntu"
  name  = "elsewhere-${data.coder_workspace.me.id}"
  env   = ["DOCKER_HOST=tcp://build-host:2375"]
}

resource "docker_container" "workspace" {
  image = "codercom/enterprise-base:ubuntu"
  name  = "dev-${data.coder_workspace.me.id}"
  env   = ["DOCKER_HOST=tcp://${docker_container.dind.name}:2375"] # expect: TDL405
  networks_advanced {
    name = docker_network.b.name
  }
}
