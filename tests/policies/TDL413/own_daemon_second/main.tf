# A container that runs its own dockerd and still sends DOCKER_HOST to a shared daemon in plain TCP,
# after a client the rule passes over because the template has that daemon (TDL404 compares them).
data "coder_workspace" "me" {}

resource "docker_container" "other" {
  image = "codercom/enterprise-base:ubuntu"
  name  = "other-${data.coder_workspace.me.id}"
  env   = ["DOCKER_HOST=tcp://10.0.0.12:2375"]
}

# its agent starts the dockerd
resource "coder_agent" "main" {
  os             = "linux"
  arch           = "amd64"
  startup_script = "sudo dockerd --host=unix:///var/run/docker.sock &"
}

resource "docker_container" "own_daemon" {
  image   = "codercom/enterprise-base:ubuntu"
  name    = "own-${data.coder_workspace.me.id}"
  command = ["sh", "-c", coder_agent.main.init_script]
  env = [
    "CODER_AGENT_TOKEN=${coder_agent.main.token}",
    "DOCKER_HOST=tcp://10.0.0.12:2375", # expect: TDL413
  ]
}
