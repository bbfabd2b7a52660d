# devcontainers-cli from a Git mirror whose name mentions Docker: still the CLI, not a Docker installer.
data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

module "devcontainers-cli" {
  count    = data.coder_workspace.me.start_count
  source   = "git::https://github.com/acme/coder-docker-modules.git//devcontainers-cli?ref=v1.0.0"
  agent_id = coder_agent.main.id # expect: TDL601
}

resource "docker_container" "workspace" {
  count   = data.coder_workspace.me.start_count
  name    = "coder-${data.coder_workspace.me.id}"
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.main.init_script]
  env     = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
}
