# A module whose dev container's agent comes from its caller: which workspace that is cannot be known here,
# even though the module's only agent runs in a container without Docker.
variable "agent_id" {
  type = string
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_devcontainer" "repo" {
  agent_id         = var.agent_id
  workspace_folder = "/home/coder/repo"
}

module "devcontainers-cli" {
  source   = "registry.coder.com/coder/devcontainers-cli/coder"
  agent_id = var.agent_id
}

resource "docker_container" "workspace" {
  name    = "coder-workspace"
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.main.init_script]
  env     = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
}
