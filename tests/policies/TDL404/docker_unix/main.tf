# A unix:// DOCKER_HOST in a docker_container: the socket is in the dind container's filesystem,
# reachable only through a shared volume.
data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "docker_volume" "socket" {
  name = "socket-${data.coder_workspace.me.id}"
}

resource "docker_container" "dind" {
  count      = data.coder_workspace.me.start_count
  image      = "docker:dind"
  privileged = true
  name       = "dind-${data.coder_workspace.me.id}"
  volumes {
    container_path = "/var/run"
    volume_name    = docker_volume.socket.name
  }
}

# a second daemon: the message names the first, the related locations its socket only
resource "docker_container" "dind2" {
  count      = data.coder_workspace.me.start_count
  image      = "docker:dind"
  privileged = true
  name       = "dind2-${data.coder_workspace.me.id}"
}

# no volume where the socket is: the path is in this container's own filesystem
resource "docker_container" "workspace" {
  count   = data.coder_workspace.me.start_count
  image   = "codercom/enterprise-base:ubuntu"
  name    = "ws-${data.coder_workspace.me.id}"
  command = ["sh", "-c", coder_agent.main.init_script]
  env = [
    "CODER_AGENT_TOKEN=${coder_agent.main.token}",
    "DOCKER_HOST=unix:///var/run/docker.sock", # expect: TDL404@5
  ]
  volumes {
    container_path = "/home/coder"
    volume_name    = "home-${data.coder_workspace.me.id}"
  }
}

# TLS without DOCKER_CERT_PATH and no mount at ~/.docker
resource "docker_container" "tls_no_certs" {
  count   = data.coder_workspace.me.start_count
  image   = "codercom/enterprise-base:ubuntu"
  name    = "tls-${data.coder_workspace.me.id}"
  command = ["sh", "-c", coder_agent.main.init_script]
  env = [
    "CODER_AGENT_TOKEN=${coder_agent.main.token}",
    "DOCKER_HOST=tcp://${docker_container.dind[0].name}:2376", # expect: TDL404
    "DOCKER_TLS_VERIFY=1",
  ]
  volumes {
    container_path = "/certs/client"
    volume_name    = docker_volume.socket.name
  }
}

# the socket's directory comes through the volume shared with dind (found through a reference): quiet
resource "docker_container" "shared" {
  count   = data.coder_workspace.me.start_count
  image   = "codercom/enterprise-base:ubuntu"
  name    = "shared-${data.coder_workspace.me.id}"
  command = ["sh", "-c", coder_agent.main.init_script]
  env = [
    "CODER_AGENT_TOKEN=${coder_agent.main.token}",
    "DOCKER_HOST=unix:///var/run/docker.sock",
  ]
  volumes {
    container_path = "/var/run"
    volume_name    = docker_volume.socket.name
  }
}
