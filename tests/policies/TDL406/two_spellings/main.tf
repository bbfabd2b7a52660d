# Two workspace containers use one outliving dind, their counts written differently (through a local,
# directly): one finding, which names the first one's count.
data "coder_workspace" "me" {}

locals {
  running = data.coder_workspace.me.start_count
}

resource "docker_container" "dind" { # expect: TDL406
  image      = "docker:dind"
  privileged = true
  name       = "dind-${data.coder_workspace.me.id}"
}

resource "docker_container" "first" {
  count        = local.running
  image        = "codercom/enterprise-base:ubuntu"
  network_mode = "container:${docker_container.dind.id}"
  env          = ["DOCKER_HOST=tcp://${docker_container.dind.name}:2376"]
}

resource "docker_container" "second" {
  count        = data.coder_workspace.me.start_count
  image        = "codercom/enterprise-base:ubuntu"
  network_mode = "container:${docker_container.dind.id}"
  env          = ["DOCKER_HOST=tcp://${docker_container.dind.name}:2376"]
}
