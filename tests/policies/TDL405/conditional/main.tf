# An optional dind sidecar (a workspace parameter) that the workspace reaches only through a conditional
# env element, on another network than the sidecar: wrong on the branch where the sidecar exists.
data "coder_workspace" "me" {}

data "coder_parameter" "dind" {
  name    = "dind"
  type    = "bool"
  default = "true"
}

locals {
  enable_dind = data.coder_parameter.dind.value
}

resource "coder_agent" "main" {
  arch = "amd64"
  os   = "linux"
}

resource "docker_network" "dind" {
  name = "dind-${data.coder_workspace.me.id}"
}

resource "docker_network" "other" {
  name = "other-${data.coder_workspace.me.id}"
}

resource "docker_container" "dind" {
  count      = local.enable_dind ? data.coder_workspace.me.start_count : 0
  image      = "docker:27-dind"
  privileged = true # tfdind-lint: ignore[TDL401] -- the optional build daemon of this template
  name       = "dind-${data.coder_workspace.me.id}"
  networks_advanced {
    name = docker_network.dind.name
  }
}

resource "docker_container" "workspace" {
  count   = data.coder_workspace.me.start_count
  image   = "codercom/enterprise-base:ubuntu"
  name    = "dev-${data.coder_workspace.me.id}"
  command = ["sh", "-c", coder_agent.main.init_script]
  env = [
    "CODER_AGENT_TOKEN=${coder_agent.main.token}",
    local.enable_dind ? "DOCKER_HOST=tcp://${docker_container.dind[0].name}:2376" : "DOCKER_HOST=", # expect: TDL405@25
    "DOCKER_TLS_VERIFY=1",
    "DOCKER_CERT_PATH=/certs/client",
  ]
  dynamic "networks_advanced" {
    for_each = local.enable_dind ? [docker_network.other.name] : []
    content {
      name = networks_advanced.value
    }
  }
}
