# An index deeper in the traversal does not name an instance: `network_data[0]` indexes the attribute,
# `docker_container.dind` is still the whole map of instances (Terraform rejects the plan).
data "coder_workspace" "me" {}

resource "docker_container" "dind" {
  for_each   = data.coder_workspace.me.start_count > 0 ? toset(["main"]) : toset([])
  image      = "docker:dind"
  privileged = true
  name       = "dind-${each.key}-${data.coder_workspace.me.id}"
}

resource "docker_container" "workspace" {
  count   = data.coder_workspace.me.start_count
  image   = "codercom/enterprise-base:ubuntu"
  name    = "dev-${data.coder_workspace.me.id}"
  command = ["sh", "-c", "sleep infinity"]
  env = [
    "DOCKER_HOST=tcp://${docker_container.dind.network_data[0].ip_address}:2375", # expect: TDL406
  ]
}

output "dind_ip" {
  value = docker_container.dind.network_data[0].ip_address # expect: TDL406
}
