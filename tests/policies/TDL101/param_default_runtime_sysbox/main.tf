terraform {
  required_providers {
    coder  = { source = "coder/coder" }
    docker = { source = "kreuzwerker/docker" }
  }
}

data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  arch           = "amd64"
  os             = "linux"
  startup_script = "sudo service docker start"
}

# docker_default_runtime_is_sysbox: true — no `runtime` means the daemon's default, Sysbox: quiet.
resource "docker_container" "workspace" {
  count   = data.coder_workspace.me.start_count
  name    = "coder-${data.coder_workspace.me.id}"
  image   = "codercom/enterprise-base:ubuntu"
  env     = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
  command = ["sh", "-c", coder_agent.main.init_script]
}

resource "coder_agent" "systemd" {
  arch = "amd64"
  os   = "linux"
}

# An explicit other runtime still fires under the parameter.
resource "docker_container" "systemd" {
  count   = data.coder_workspace.me.start_count
  name    = "coder-${data.coder_workspace.me.id}-systemd"
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "runc" # expect: TDL101
  env     = ["CODER_AGENT_TOKEN=${coder_agent.systemd.token}"]
  command = ["sh", "-c", "${coder_agent.systemd.init_script} & exec /sbin/init"]
}
