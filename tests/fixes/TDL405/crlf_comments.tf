data "coder_workspace" "me" {}

# one network for the workspace and its daemon
resource "docker_network" "private_network" {
  name = "network-${data.coder_workspace.me.id}"
}

resource "docker_container" "dind" {
    image      = "docker:dind" # pinned below
    privileged = true
    name       = "dind-${data.coder_workspace.me.id}"
    env        = ["DOCKER_TLS_CERTDIR="]
    networks_advanced {
        # the daemon listens here
        name = docker_network.private_network.id
    }
}

resource "docker_container" "workspace" {
    image = "codercom/enterprise-base:ubuntu"
    name  = "dev-${data.coder_workspace.me.id}"
    # the daemon by name
    env = ["DOCKER_HOST=tcp://${docker_container.dind.name}:2376", "DOCKER_TLS_VERIFY=1"]
    volumes {
        container_path = "/home/coder"
        volume_name    = "home"
    }
}
