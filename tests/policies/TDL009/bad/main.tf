# The container runs systemd as its init and nothing ever runs the agent's init script.
data "coder_workspace" "me" {}

resource "coder_agent" "main" { # expect: TDL009
  arch = "amd64"
  os   = "linux"
}

resource "docker_container" "workspace" {
  count   = data.coder_workspace.me.start_count
  name    = "coder-${data.coder_workspace.me.id}"
  image   = "codercom/enterprise-base:ubuntu"
  env     = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
  command = ["/sbin/init"]
  runtime = "sysbox-runc"
}
