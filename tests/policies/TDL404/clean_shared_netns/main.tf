# Sharing the daemon's network namespace makes localhost right; an unknown DOCKER_HOST is not judged.
variable "docker_host" {
  type = string
}

data "coder_workspace" "me" {}

resource "docker_container" "dind" {
  image      = "docker:dind"
  privileged = true
  name       = "dind-${data.coder_workspace.me.id}"
  command    = ["dockerd", "-H", "tcp://127.0.0.1:2375"]
}

resource "docker_container" "workspace" {
  image        = "codercom/enterprise-base:ubuntu"
  name         = "dev-${data.coder_workspace.me.id}"
  network_mode = "container:${docker_container.dind.id}"
  env          = ["DOCKER_HOST=tcp://localhost:2375"]
}

resource "docker_container" "dind_host" {
  image        = "docker:dind"
  privileged   = true
  name         = "dind-host-${data.coder_workspace.me.id}"
  network_mode = "host"
  command      = ["dockerd", "-H", "tcp://127.0.0.1:2380"]
}

resource "docker_container" "workspace_host" {
  image        = "codercom/enterprise-base:ubuntu"
  name         = "dev-host-${data.coder_workspace.me.id}"
  network_mode = "host"
  env          = ["DOCKER_HOST=tcp://127.0.0.1:2380"]
}

resource "docker_container" "workspace_variable" {
  image = "codercom/enterprise-base:ubuntu"
  name  = "dev-variable-${data.coder_workspace.me.id}"
  env   = ["DOCKER_HOST=${var.docker_host}"]
}

# The other way round: the daemon joins the workspace's network namespace, and localhost still reaches it.
resource "docker_container" "workspace_shared" {
  image = "codercom/enterprise-base:ubuntu"
  name  = "dev-shared-${data.coder_workspace.me.id}"
  env   = ["DOCKER_HOST=tcp://localhost:2385"]
}

resource "docker_container" "dind_joined" {
  image        = "docker:dind"
  privileged   = true
  name         = "dind-joined-${data.coder_workspace.me.id}"
  network_mode = "container:${docker_container.workspace_shared.id}"
  command      = ["dockerd", "-H", "tcp://127.0.0.1:2385"]
}
