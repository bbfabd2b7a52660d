resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

data "coder_workspace" "me" {}

resource "docker_container" "workspace" {
  image      = "ghcr.io/coder/envbox:latest"
  name       = "coder-envbox"
  privileged = true
  env = [
    "CODER_AGENT_TOKEN=${coder_agent.main.token}",
    "CODER_AGENT_URL=${data.coder_workspace.me.access_url}",
    "CODER_INNER_IMAGE=codercom/enterprise-base:ubuntu",
    "CODER_INNER_USERNAME=coder",
    "CODER_BOOTSTRAP_SCRIPT=${coder_agent.main.init_script}",
  ]
}

variable "envbox_env" {
  type = list(string)
}

# An env list the tool cannot read says nothing about what is missing (not even a note).
resource "docker_container" "unknown" {
  image      = "ghcr.io/coder/envbox:latest"
  name       = "coder-envbox-2"
  privileged = true
  env        = var.envbox_env
}
