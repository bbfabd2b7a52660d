# Daemons with TLS, on unix sockets only, or listening where the tool cannot tell: no finding.
variable "listen_address" {
  type = string
}

data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  # a comment is not a command: dockerd -H tcp://0.0.0.0:2375
  startup_script = <<-EOT
    # dockerd -H tcp://0.0.0.0:2375
    sudo dockerd --host=unix:///var/run/docker.sock &
    echo "dockerd -H tcp://0.0.0.0:2375 is what we do not do"
  EOT
}

# the image's entrypoint: TLS on 2376 (DOCKER_TLS_CERTDIR defaults to /certs)
resource "docker_container" "dind" {
  image      = "docker:dind"
  privileged = true
  name       = "dind-${data.coder_workspace.me.id}"
}

# extra options for the entrypoint keep its TLS defaults
resource "docker_container" "dind_mtu" {
  image      = "docker:dind"
  privileged = true
  name       = "dind-mtu-${data.coder_workspace.me.id}"
  command    = ["--mtu=1400"]
}

# explicit TLS
resource "docker_container" "dind_tls" {
  image      = "docker:dind"
  privileged = true
  name       = "dind-tls-${data.coder_workspace.me.id}"
  command = [
    "dockerd", "--host=tcp://0.0.0.0:2376", "--tlsverify",
    "--tlscacert=/certs/server/ca.pem", "--tlscert=/certs/server/cert.pem", "--tlskey=/certs/server/key.pem",
  ]
}

# DOCKER_TLS_VERIFY in the daemon's environment turns --tlsverify on
resource "docker_container" "dind_env_tls" {
  image      = "docker:dind"
  privileged = true
  name       = "dind-env-tls-${data.coder_workspace.me.id}"
  command    = ["dockerd", "-H", "tcp://0.0.0.0:2376"]
  env        = ["DOCKER_TLS_VERIFY=1", "DOCKER_CERT_PATH=/certs/server"]
}

# unknown listener address: no finding
resource "docker_container" "dind_unknown" {
  image      = "docker:dind"
  privileged = true
  name       = "dind-unknown-${data.coder_workspace.me.id}"
  command    = ["dockerd", "-H", "tcp://${var.listen_address}:2375"]
}

resource "docker_container" "workspace" {
  count   = data.coder_workspace.me.start_count
  image   = "codercom/enterprise-base:ubuntu"
  name    = "dev-${data.coder_workspace.me.id}"
  command = ["sh", "-c", coder_agent.main.init_script]
  env     = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
}
