# the workspace's agent starts a dockerd of its own; DOCKER_HOST still leaves the template
resource "coder_agent" "main" {
  os             = "linux"
  arch           = "amd64"
  startup_script = "sudo dockerd --host=unix:///var/run/docker.sock &"
}

resource "docker_container" "own_dockerd" {
  image   = "codercom/enterprise-base:ubuntu"
  name    = "own-dockerd"
  command = ["sh", "-c", coder_agent.main.init_script]
  env = [
    "CODER_AGENT_TOKEN=${coder_agent.main.token}",
    "DOCKER_HOST=tcp://10.0.0.13:2375", # expect: TDL413
  ]
}
