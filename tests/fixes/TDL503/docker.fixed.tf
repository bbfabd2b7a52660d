resource "coder_agent" "docker" {
  os   = "linux"
  arch = "amd64"
}

resource "docker_container" "systemd" {
  image = "codercom/enterprise-base:ubuntu"
  name  = "systemd"
  command = ["sh", "-c", <<-EOF
    sudo -u coder --preserve-env=CODER_AGENT_TOKEN /bin/bash -- <<-'EOT' &
    ${coder_agent.docker.init_script}
    EOT
    exec /sbin/init
  EOF
  ]
  env = ["CODER_AGENT_TOKEN=${coder_agent.docker.token}"]
}
