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

# no volume: the path is in this container's own filesystem
resource "docker_container" "workspace" {
  count   = data.coder_workspace.me.start_count
  image   = "codercom/enterprise-base:ubuntu"
  name    = "ws-${data.coder_workspace.me.id}"
  command = ["sh", "-c", coder_agent.main.init_script]
  env = [
    "CODER_AGENT_TOKEN=${coder_agent.main.token}",
    "DOCKER_HOST=unix:///var/run/docker.sock", # expect: TDL404@5
  ]
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
