# A here-document fed to sudo ends before the agent starts: the agent runs in the container's own shell.
resource "docker_container" "heredoc_before" {
  name  = "heredoc-before"
  image = "codercom/enterprise-base:ubuntu"
  env   = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
  command = ["sh", "-c", <<-EOF
    sudo tee /etc/motd <<'MOTD'
    Welcome
    MOTD
    ${coder_agent.main.init_script}
  EOF
  ]
}

# The command su runs sets the token itself.
resource "docker_container" "su_sets_token" {
  name    = "su-sets-token"
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", "su - coder -c 'CODER_AGENT_TOKEN=${coder_agent.main.token} sh -c \"${coder_agent.main.init_script}\"'"]
}
