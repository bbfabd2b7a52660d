# Docker provider: the workspace container is handed a remote daemon over plain TCP.
resource "coder_agent" "docker" {
  os   = "linux"
  arch = "amd64"
}

resource "docker_container" "remote" {
  image   = "codercom/enterprise-base:ubuntu"
  name    = "remote"
  command = ["sh", "-c", coder_agent.docker.init_script]
  env = [
    "CODER_AGENT_TOKEN=${coder_agent.docker.token}",
    "DOCKER_HOST=tcp://10.0.0.12:2375", # expect: TDL413
  ]
}
