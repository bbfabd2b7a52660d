# Two agents: the first container is privileged (TDL412's), the second adds SYS_ADMIN after an unknown and another
# capability.
variable "extra_capability" {
  type = string
}

data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_agent" "tools" {
  os   = "linux"
  arch = "amd64"
}

resource "docker_container" "main" {
  image      = "codercom/enterprise-base:ubuntu"
  name       = "main-${data.coder_workspace.me.id}"
  command    = ["sh", "-c", coder_agent.main.init_script]
  env        = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
  privileged = true
  capabilities {
    add = ["SYS_ADMIN"]
  }
}

resource "docker_container" "tools" {
  image   = "codercom/enterprise-base:ubuntu"
  name    = "tools-${data.coder_workspace.me.id}"
  command = ["sh", "-c", coder_agent.tools.init_script]
  env     = ["CODER_AGENT_TOKEN=${coder_agent.tools.token}"]
  capabilities {
    add = [var.extra_capability, "NET_ADMIN", "SYS_ADMIN"] # expect: TDL414
  }
}
