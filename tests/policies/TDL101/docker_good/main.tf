# The seed's Sysbox-on-Docker example, with the runtime it requires, and neighbours that need no Sysbox.
variable "use_sysbox" {
  default = true
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

resource "docker_container" "workspace" {
  count   = data.coder_workspace.me.start_count
  name    = "coder-${data.coder_workspace.me.id}"
  image   = "codercom/enterprise-base:ubuntu"
  env     = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
  command = ["sh", "-c", coder_agent.main.init_script]
  # Use the Sysbox container runtime (required)
  runtime = "sysbox-runc"
}

resource "coder_agent" "plain" {
  arch           = "amd64"
  os             = "linux"
  startup_script = <<-EOF
    # sudo service docker start  (commented out: Docker is not used here)
    code-server --auth none &
  EOF
}

resource "docker_container" "plain" {
  name    = "plain"
  image   = "codercom/enterprise-base:ubuntu"
  env     = ["CODER_AGENT_TOKEN=${coder_agent.plain.token}"]
  command = ["sh", "-c", coder_agent.plain.init_script]
}
