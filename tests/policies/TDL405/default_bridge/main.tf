# Both on the default bridge: names do not resolve there.
data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  env = {
    DOCKER_HOST       = "tcp://dind-${data.coder_workspace.me.id}:2376" # expect: TDL405
    DOCKER_TLS_VERIFY = "1"
    DOCKER_CERT_PATH  = "/certs/client"
  }
}

resource "docker_container" "dind" {
  image        = "docker:dind"
  privileged   = true
  name         = "dind-${data.coder_workspace.me.id}"
  network_mode = "bridge"
}

resource "docker_container" "workspace" {
  image   = "codercom/enterprise-base:ubuntu"
  name    = "dev-${data.coder_workspace.me.id}"
  command = ["sh", "-c", coder_agent.main.init_script]
}
