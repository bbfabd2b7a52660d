# The instance is named first, then the attribute is indexed: no finding, with count or with for_each.
data "coder_workspace" "me" {}

resource "docker_container" "dind" {
  for_each   = data.coder_workspace.me.start_count > 0 ? toset(["main"]) : toset([])
  image      = "docker:dind"
  privileged = true
  name       = "dind-${each.key}-${data.coder_workspace.me.id}"
}

resource "docker_container" "dind_counted" {
  count      = data.coder_workspace.me.start_count
  image      = "docker:dind"
  privileged = true
  name       = "dind-counted-${data.coder_workspace.me.id}"
}

resource "docker_container" "workspace" {
  count   = data.coder_workspace.me.start_count
  image   = "codercom/enterprise-base:ubuntu"
  name    = "dev-${data.coder_workspace.me.id}"
  command = ["sh", "-c", "sleep infinity"]
  env = [
    "DOCKER_HOST=tcp://${docker_container.dind["main"].network_data[0].ip_address}:2375",
  ]
}

output "dind_ip" {
  value = docker_container.dind["main"].network_data[0].ip_address
}

output "dind_counted_ip" {
  value = docker_container.dind_counted[0].network_data[0].ip_address
}
