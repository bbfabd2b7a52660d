# The privileged sidecar done right with the Docker provider: the image's entrypoint serves TLS on 2376
# and writes client certificates to /certs/client, shared with the workspace; both containers stop
# with the workspace and share a network. Quiet under every 4xx rule (TDL401 is acknowledged).
data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "docker_network" "private_network" {
  name = "network-${data.coder_workspace.me.id}"
}

resource "docker_volume" "certs" {
  name = "dind-certs-${data.coder_workspace.me.id}"
}

resource "docker_container" "dind" {
  count = data.coder_workspace.me.start_count
  image = "docker:27-dind"
  # tfdind-lint: ignore[TDL401] -- the Docker hosts cannot run Sysbox (ticket OPS-123)
  privileged = true
  name       = "dind-${data.coder_workspace.me.id}"
  volumes {
    container_path = "/certs/client"
    volume_name    = docker_volume.certs.name
  }
  networks_advanced {
    name = docker_network.private_network.name
  }
}

resource "docker_container" "workspace" {
  count   = data.coder_workspace.me.start_count
  image   = "codercom/enterprise-base:ubuntu"
  name    = "dev-${data.coder_workspace.me.id}"
  command = ["sh", "-c", coder_agent.main.init_script]
  env = [
    "CODER_AGENT_TOKEN=${coder_agent.main.token}",
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
    name = docker_network.private_network.id
  }
}
