data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  arch           = "amd64"
  os             = "linux"
  startup_script = "sudo service docker start"
}

# runtimes: [sysbox-custom] — the configured name is Sysbox: quiet
resource "docker_container" "custom" {
  count   = data.coder_workspace.me.start_count
  name    = "coder-${data.coder_workspace.me.id}"
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-custom"
  env     = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
  command = ["sh", "-c", coder_agent.main.init_script]
}

resource "coder_agent" "envbox" {
  arch           = "amd64"
  os             = "linux"
  startup_script = "sudo service docker start"
}

# envbox_images — a mirrored envbox image is envbox (the 2xx rules' business): quiet
resource "docker_container" "mirrored_envbox" {
  count   = data.coder_workspace.me.start_count
  name    = "coder-${data.coder_workspace.me.id}-envbox"
  image   = "registry.example.com/mirror/envbox:0.6.2"
  env     = ["CODER_AGENT_TOKEN=${coder_agent.envbox.token}"]
  command = ["sh", "-c", coder_agent.envbox.init_script]
}

resource "coder_agent" "systemd" {
  arch = "amd64"
  os   = "linux"
}

# sysbox-runc is not among this team's runtimes
resource "docker_container" "systemd" {
  count   = data.coder_workspace.me.start_count
  name    = "coder-${data.coder_workspace.me.id}-systemd"
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc" # expect: TDL101
  env     = ["CODER_AGENT_TOKEN=${coder_agent.systemd.token}"]
  command = ["sh", "-c", "${coder_agent.systemd.init_script} & exec /sbin/init"]
}
