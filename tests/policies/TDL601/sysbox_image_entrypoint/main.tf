# Sysbox with a custom image whose ENTRYPOINT (not overridden: `command` only replaces CMD) may start
# dockerd before running the agent: the tool cannot see into the image, so no finding.
data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_devcontainer" "repo" {
  count            = data.coder_workspace.me.start_count
  agent_id         = coder_agent.main.id
  workspace_folder = "/home/coder/project"
}

resource "docker_container" "workspace" {
  count   = data.coder_workspace.me.start_count
  name    = "coder-${data.coder_workspace.me.id}"
  image   = "registry.example.com/platform/workspace-docker:2024.10"
  runtime = "sysbox-runc"
  command = ["sh", "-c", coder_agent.main.init_script]
  env     = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
}
