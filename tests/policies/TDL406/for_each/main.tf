# dind with for_each: references must name an instance by key; for_each over the start count keeps it ephemeral.
data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

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
  command = ["sh", "-c", coder_agent.main.init_script]
  env = [
    "CODER_AGENT_TOKEN=${coder_agent.main.token}",
    "DOCKER_HOST=tcp://${docker_container.dind.name}:2376", # expect: TDL406
  ]
}

output "dind_ip" {
  value = docker_container.dind.network_data # expect: TDL406
}
