# One agent's DOCKER_HOST used by two containers (one finding), after a client that has its scheme,
# and a socket path without unix://.
data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  env = {
    DOCKER_HOST = "dind:2375" # expect: TDL403
  }
}

resource "docker_container" "with_scheme" {
  image = "codercom/enterprise-base:ubuntu"
  name  = "with-scheme-${data.coder_workspace.me.id}"
  env   = ["DOCKER_HOST=tcp://dind:2375"]
}

resource "docker_container" "first" {
  image   = "codercom/enterprise-base:ubuntu"
  name    = "first-${data.coder_workspace.me.id}"
  command = ["sh", "-c", coder_agent.main.init_script]
  env     = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
}

resource "docker_container" "second" {
  image   = "codercom/enterprise-base:ubuntu"
  name    = "second-${data.coder_workspace.me.id}"
  command = ["sh", "-c", coder_agent.main.init_script]
  env     = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
}

resource "docker_container" "socket_path" {
  image = "codercom/enterprise-base:ubuntu"
  name  = "socket-path-${data.coder_workspace.me.id}"
  env   = ["DOCKER_HOST=/var/run/docker.sock"] # expect: TDL403
}
