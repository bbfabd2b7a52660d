# The seed's Sysbox-on-Docker example: the workspace container has no count, so it outlives a stop.
data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  arch = "amd64"
  os   = "linux"
}

resource "docker_container" "workspace" { # expect: TDL005
  name    = "coder-${data.coder_workspace.me.id}"
  image   = "codercom/enterprise-base:ubuntu"
  env     = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
  command = ["sh", "-c", coder_agent.main.init_script]
  runtime = "sysbox-runc"
}

resource "coder_agent" "second" {
  arch = "amd64"
  os   = "linux"
}

resource "docker_container" "second" {
  count      = 1 # expect: TDL005
  name       = "coder-${data.coder_workspace.me.id}-second"
  image      = "codercom/enterprise-base:ubuntu"
  env        = ["CODER_AGENT_TOKEN=${coder_agent.second.token}"]
  entrypoint = ["sh", "-c", coder_agent.second.init_script]
}

# The dind daemon does not run the agent: TDL406's business, not this rule's
resource "docker_container" "dind" {
  image      = "docker:dind"
  privileged = true
  name       = "dind-${data.coder_workspace.me.id}"
  entrypoint = ["dockerd", "-H", "tcp://0.0.0.0:2375"]
}
