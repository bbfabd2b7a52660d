# DOCKER_HOST without a scheme, wherever a workspace gets it.
data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  env = {
    DOCKER_HOST = "docker:2376" # expect: TDL403
  }
  startup_script = <<-EOT
    export PATH="$HOME/bin:$PATH" DOCKER_HOST=dind:2375 # expect: TDL403
  EOT
}

resource "docker_network" "private_network" {
  name = "network-${data.coder_workspace.me.id}"
}

resource "docker_container" "dind" {
  image      = "docker:dind"
  privileged = true
  name       = "dind-${data.coder_workspace.me.id}"
  command    = ["dockerd", "-H", "tcp://0.0.0.0:2375"]
  networks_advanced {
    name    = docker_network.private_network.name
    aliases = ["docker", "dind"]
  }
}

resource "docker_container" "workspace" {
  count   = data.coder_workspace.me.start_count
  image   = "codercom/enterprise-base:ubuntu"
  name    = "dev-${data.coder_workspace.me.id}"
  command = ["sh", "-c", coder_agent.main.init_script]
  env = [
    "CODER_AGENT_TOKEN=${coder_agent.main.token}",
    "DOCKER_HOST=${docker_container.dind.name}:2375", # expect: TDL403
  ]
  networks_advanced {
    name = docker_network.private_network.name
  }
}
