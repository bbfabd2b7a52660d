# Clients this rule passes over come first: one naming a container of the template, one with TLS,
# one whose host is unknown, one naming a container literally (which runs no daemon); then a
# plain-TCP daemon outside the template.
variable "docker_host" {
  type = string
}

data "coder_workspace" "me" {}

resource "docker_container" "builder" {
  image = "moby/buildkit:v0.18.2"
  name  = "builder-${data.coder_workspace.me.id}"
}

resource "docker_container" "named" {
  image = "codercom/enterprise-base:ubuntu"
  name  = "named-${data.coder_workspace.me.id}"
  env   = ["DOCKER_HOST=tcp://${docker_container.builder.name}:2375"]
}

resource "docker_container" "tls" {
  image = "codercom/enterprise-base:ubuntu"
  name  = "tls-${data.coder_workspace.me.id}"
  env   = ["DOCKER_HOST=tcp://10.0.0.12:2376", "DOCKER_TLS_VERIFY=1", "DOCKER_CERT_PATH=/certs"]
}

resource "docker_container" "unknown" {
  image = "codercom/enterprise-base:ubuntu"
  name  = "unknown-${data.coder_workspace.me.id}"
  env   = ["DOCKER_HOST=${var.docker_host}"]
}

# a container of the template named literally, which runs no daemon: not a daemon outside the template
resource "docker_container" "builder_literal" {
  image = "moby/buildkit:v0.18.2"
  name  = "builder"
}

resource "docker_container" "uses_builder" {
  image = "codercom/enterprise-base:ubuntu"
  name  = "uses-builder-${data.coder_workspace.me.id}"
  env   = ["DOCKER_HOST=tcp://builder:2375"]
}

resource "docker_container" "plain" {
  image = "codercom/enterprise-base:ubuntu"
  name  = "plain-${data.coder_workspace.me.id}"
  env   = ["DOCKER_HOST=tcp://10.0.0.12:2375"] # expect: TDL413
}
