# Shared networks spelled in different ways, shared network namespaces, and networks the tool cannot
# resolve: no finding.
variable "network_name" {
  type = string
}

data "coder_workspace" "me" {}

resource "docker_network" "private_network" {
  name = "network-${data.coder_workspace.me.id}"
}

resource "docker_network" "named" {
  name = "coder-builds"
}

# .name on one side, .id on the other
resource "docker_container" "dind" {
  image      = "docker:dind"
  privileged = true
  name       = "dind-${data.coder_workspace.me.id}"
  networks_advanced {
    name = docker_network.private_network.name
  }
  networks_advanced {
    name = "coder-builds"
  }
}

resource "docker_container" "by_id" {
  image = "codercom/enterprise-base:ubuntu"
  name  = "dev-by-id-${data.coder_workspace.me.id}"
  env   = ["DOCKER_HOST=tcp://${docker_container.dind.name}:2376", "DOCKER_TLS_VERIFY=1", "DOCKER_CERT_PATH=/certs"]
  networks_advanced {
    name = docker_network.private_network.id
  }
}

# the network's literal name on one side, its reference on the other
resource "docker_container" "by_literal" {
  image        = "codercom/enterprise-base:ubuntu"
  name         = "dev-by-literal-${data.coder_workspace.me.id}"
  env          = ["DOCKER_HOST=tcp://${docker_container.dind.name}:2376", "DOCKER_TLS_VERIFY=1", "DOCKER_CERT_PATH=/certs"]
  network_mode = docker_network.named.name
}

# a dynamic block may attach the network
resource "docker_container" "dynamic" {
  image = "codercom/enterprise-base:ubuntu"
  name  = "dev-dynamic-${data.coder_workspace.me.id}"
  env   = ["DOCKER_HOST=tcp://${docker_container.dind.name}:2376", "DOCKER_TLS_VERIFY=1", "DOCKER_CERT_PATH=/certs"]
  dynamic "networks_advanced" {
    for_each = [docker_network.private_network.name]
    content {
      name = networks_advanced.value
    }
  }
}

# a network the tool cannot resolve
resource "docker_container" "unknown" {
  image = "codercom/enterprise-base:ubuntu"
  name  = "dev-unknown-${data.coder_workspace.me.id}"
  env   = ["DOCKER_HOST=tcp://${docker_container.dind.name}:2376", "DOCKER_TLS_VERIFY=1", "DOCKER_CERT_PATH=/certs"]
  networks_advanced {
    name = var.network_name
  }
}

# the daemon's network namespace
resource "docker_container" "shared_netns" {
  image        = "codercom/enterprise-base:ubuntu"
  name         = "dev-shared-${data.coder_workspace.me.id}"
  network_mode = "container:${docker_container.dind.name}"
  env          = ["DOCKER_HOST=tcp://${docker_container.dind.name}:2376", "DOCKER_TLS_VERIFY=1", "DOCKER_CERT_PATH=/certs"]
}

# both on the host network
resource "docker_container" "dind_host" {
  image        = "docker:dind"
  privileged   = true
  name         = "dind-host-${data.coder_workspace.me.id}"
  network_mode = "host"
}

resource "docker_container" "host" {
  image        = "codercom/enterprise-base:ubuntu"
  name         = "dev-host-${data.coder_workspace.me.id}"
  network_mode = "host"
  env          = ["DOCKER_HOST=tcp://${docker_container.dind_host.name}:2376", "DOCKER_TLS_VERIFY=1", "DOCKER_CERT_PATH=/certs"]
}
