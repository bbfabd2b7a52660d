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
  startup_script = <<-EOF
    #!/bin/sh
    set -e
    sudo service docker start
  EOF
}

# The agent starts Docker, but the container runs under the default runc runtime.
resource "docker_container" "workspace" { # expect: TDL101
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

# Starts systemd as its init: Sysbox territory, but the runtime is a different one.
resource "docker_container" "systemd" {
  count   = data.coder_workspace.me.start_count
  name    = "coder-${data.coder_workspace.me.id}-systemd"
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "runc" # expect: TDL101
  env     = ["CODER_AGENT_TOKEN=${coder_agent.systemd.token}"]
  command = ["sh", "-c", "${coder_agent.systemd.init_script} & exec /sbin/init"]
}
