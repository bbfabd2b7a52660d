# The privileged workspace container (TDL412's) comes first; the privileged sidecar after it is still reported.
data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "docker_container" "workspace" {
  image      = "codercom/enterprise-base:ubuntu"
  name       = "dev-${data.coder_workspace.me.id}"
  command    = ["sh", "-c", coder_agent.main.init_script]
  env        = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
  privileged = true
}

resource "docker_container" "dind" {
  image      = "docker:dind"
  name       = "dind-${data.coder_workspace.me.id}"
  privileged = true # expect: TDL401
}
