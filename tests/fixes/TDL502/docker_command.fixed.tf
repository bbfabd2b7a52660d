data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "docker_container" "dev" {
  count   = data.coder_workspace.me.start_count
  image   = "nestybox/ubuntu-jammy-systemd-docker"
  runtime = "sysbox-runc"
  env     = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
  # start the agent as coder, then systemd
  command = ["sh", "-c", "sudo --preserve-env=CODER_AGENT_TOKEN -u coder sh -c '${coder_agent.main.init_script}' & exec /sbin/init"]
}
