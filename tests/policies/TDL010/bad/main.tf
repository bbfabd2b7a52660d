# The seed's Docker sidecar example uses data.coder_workspace.me without declaring it.
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "docker_network" "private_network" {
  name = "network-${data.coder_workspace.me.id}" # expect: TDL010
}

resource "docker_container" "workspace" {
  image    = local.image # expect: TDL010
  name     = "dev"
  command  = ["sh", "-c", coder_agent.main.init_script]
  hostname = module.naming.hostname # expect: TDL010
  networks_advanced {
    name = docker_network.privat_network.name # expect: TDL010
  }
}

locals {
  images = { base = "codercom/enterprise-base:ubuntu" }
}
