# More ways to start the agent, each through a command that drops the token (or not).
variable "debug" {
  type = bool
}

# The token set with `env` in front of sudo: sudo still resets the environment.
resource "docker_container" "env_then_sudo" {
  name    = "env-then-sudo"
  image   = "codercom/enterprise-base:ubuntu"
  env     = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
  command = ["sh", "-c", "env CODER_AGENT_TOKEN=\"$CODER_AGENT_TOKEN\" sudo -u coder sh -c '${coder_agent.main.init_script}'"] # expect: TDL502
}

# `env -i` empties the environment; `env -u` removes the token itself.
resource "docker_container" "env_emptied" {
  name    = "env-emptied"
  image   = "codercom/enterprise-base:ubuntu"
  env     = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
  command = ["sh", "-c", "env -i PATH=/usr/bin:/bin sh -c '${coder_agent.main.init_script}'"] # expect: TDL502
}

resource "docker_container" "env_unset" {
  name    = "env-unset"
  image   = "codercom/enterprise-base:ubuntu"
  env     = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
  command = ["sh", "-c", "env -u CODER_AGENT_TOKEN sh -c '${coder_agent.main.init_script}'"] # expect: TDL502
}

# The init script on the first line of a here-document sudo's shell reads; the placeholder also reads a
# variable (the related location is the init script's reference, not the variable's).
resource "docker_container" "heredoc_first_line" {
  name  = "heredoc-first-line"
  image = "codercom/enterprise-base:ubuntu"
  env   = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
  command = ["sh", "-c", <<-EOF
    sudo -u coder bash <<'SCRIPT' # expect: TDL502
    ${var.debug ? "set -x" : coder_agent.main.init_script}
    SCRIPT
  EOF
  ]
}
