# One dind container that keeps the image's entrypoint (unix socket + tcp://0.0.0.0:2376 with TLS),
# and workspaces that reach for it in every wrong way.
data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_agent" "second" {
  os   = "linux"
  arch = "amd64"
  env = {
    DOCKER_HOST = "tcp://docker:2376" # expect: TDL404
  }
}

resource "docker_network" "private_network" {
  name = "network-${data.coder_workspace.me.id}"
}

resource "docker_volume" "certs" {
  name = "certs-${data.coder_workspace.me.id}"
}

resource "docker_container" "dind" {
  count      = data.coder_workspace.me.start_count
  image      = "docker:dind"
  privileged = true
  name       = "dind-${data.coder_workspace.me.id}"
  volumes {
    container_path = "/certs/client"
    volume_name    = docker_volume.certs.name
  }
  networks_advanced {
    name    = docker_network.private_network.name
    aliases = ["docker"]
  }
}

# the port the seed uses, but the image's entrypoint serves 2376
resource "docker_container" "ws_port" {
  count = data.coder_workspace.me.start_count
  image = "codercom/enterprise-base:ubuntu"
  name  = "ws-port-${data.coder_workspace.me.id}"
  env = [
    "DOCKER_HOST=tcp://${docker_container.dind[0].name}:2375", # expect: TDL404
  ]
  networks_advanced {
    name = docker_network.private_network.name
  }
}

# the agent env of `second` has no DOCKER_TLS_VERIFY for the TLS listener
resource "docker_container" "ws_plain" {
  count   = data.coder_workspace.me.start_count
  image   = "codercom/enterprise-base:ubuntu"
  name    = "ws-plain-${data.coder_workspace.me.id}"
  command = ["sh", "-c", coder_agent.second.init_script]
  networks_advanced {
    name = docker_network.private_network.name
  }
}

# TLS asked for, but no DOCKER_CERT_PATH and nothing mounted at ~/.docker
resource "docker_container" "ws_certs" {
  count = data.coder_workspace.me.start_count
  image = "codercom/enterprise-base:ubuntu"
  name  = "ws-certs-${data.coder_workspace.me.id}"
  env = [
    "DOCKER_HOST=tcp://dind-${data.coder_workspace.me.id}:2376", # expect: TDL404
    "DOCKER_TLS_VERIFY=1",
  ]
  networks_advanced {
    name = docker_network.private_network.name
  }
}

# localhost inside a Docker container is that container
resource "docker_container" "ws_localhost" {
  count   = data.coder_workspace.me.start_count
  image   = "codercom/enterprise-base:ubuntu"
  name    = "ws-localhost-${data.coder_workspace.me.id}"
  command = ["sh", "-c", coder_agent.main.init_script]
  env = [
    "CODER_AGENT_TOKEN=${coder_agent.main.token}",
    "DOCKER_HOST=tcp://localhost:2376", # expect: TDL404
    "DOCKER_TLS_VERIFY=1",
    "DOCKER_CERT_PATH=/certs/client",
  ]
  networks_advanced {
    name = docker_network.private_network.name
  }
}

# a name no container of the template has
resource "docker_container" "ws_unknown_name" {
  count = data.coder_workspace.me.start_count
  image = "codercom/enterprise-base:ubuntu"
  name  = "ws-unknown-name-${data.coder_workspace.me.id}"
  env = [
    "DOCKER_HOST=tcp://dind:2376", # expect: TDL404
    "DOCKER_TLS_VERIFY=1",
    "DOCKER_CERT_PATH=/certs/client",
  ]
  networks_advanced {
    name = docker_network.private_network.name
  }
}

# right: name, port, TLS and certificates
resource "docker_container" "ws_ok" {
  count = data.coder_workspace.me.start_count
  image = "codercom/enterprise-base:ubuntu"
  name  = "ws-ok-${data.coder_workspace.me.id}"
  env = [
    "DOCKER_HOST=tcp://${docker_container.dind[0].name}:2376",
    "DOCKER_TLS_VERIFY=1",
    "DOCKER_CERT_PATH=/certs/client",
  ]
  volumes {
    container_path = "/certs/client"
    volume_name    = docker_volume.certs.name
    read_only      = true
  }
  networks_advanced {
    name = docker_network.private_network.name
  }
}
