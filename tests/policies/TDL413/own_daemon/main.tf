# A daemon that no container of the template runs (an agent's VM starts it) does not answer a
# DOCKER_HOST that leaves the template.
resource "coder_agent" "vm" {
  os             = "linux"
  arch           = "amd64"
  startup_script = "sudo dockerd --host=unix:///var/run/docker.sock &"
}

resource "docker_container" "workspace" {
  image = "codercom/enterprise-base:ubuntu"
  name  = "workspace"
  env   = ["DOCKER_HOST=tcp://10.0.0.12:2375"] # expect: TDL413
}
