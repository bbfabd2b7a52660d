# Project discovery only lists dev containers; without autostart nothing starts them, so no Docker is needed.
data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "docker_container" "workspace" {
  count   = data.coder_workspace.me.start_count
  name    = "coder-${data.coder_workspace.me.id}"
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.main.init_script]
  env = [
    "CODER_AGENT_TOKEN=${coder_agent.main.token}",
    "CODER_AGENT_DEVCONTAINERS_PROJECT_DISCOVERY_ENABLE=true",
    "CODER_AGENT_DEVCONTAINERS_DISCOVERY_AUTOSTART_ENABLE=false",
  ]
}
