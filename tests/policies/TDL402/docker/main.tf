# dockerd on TCP without TLS, in every spelling the daemon accepts.
data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  # the workspace starts its own daemon (a privileged workspace) and publishes it
  startup_script = <<-EOT
    #!/bin/sh
    set -e
    sudo dockerd \
      --host=unix:///var/run/docker.sock \
      -Htcp://0.0.0.0:2375 & # expect: TDL402
  EOT
}

# the seed's Docker example
resource "docker_container" "dind" {
  image      = "docker:dind"
  privileged = true
  name       = "dind-${data.coder_workspace.me.id}"
  entrypoint = ["dockerd", "-H", "tcp://0.0.0.0:2375"] # expect: TDL402
}

# --host with a separate value, and a specific address
resource "docker_container" "dind_ip" {
  image      = "docker:dind"
  privileged = true
  name       = "dind-ip-${data.coder_workspace.me.id}"
  command    = ["dockerd", "--host", "tcp://10.1.2.3:2375"] # expect: TDL402
}

# the image's entrypoint with TLS turned off: it adds --host=tcp://0.0.0.0:2375 itself
resource "docker_container" "dind_no_certs" {
  image      = "docker:27-dind"
  privileged = true
  name       = "dind-no-certs-${data.coder_workspace.me.id}"
  env = [
    "DOCKER_TLS_CERTDIR=", # expect: TDL402
  ]
}

# the first argument is an option, so the entrypoint prepends dockerd and its TLS hosts; the option turns TLS off
resource "docker_container" "dind_verify_off" {
  image      = "docker:dind"
  privileged = true
  name       = "dind-verify-off-${data.coder_workspace.me.id}"
  command    = ["--tlsverify=false"] # expect: TDL402
}

# dockerd inside a `sh -c` script
resource "docker_container" "dind_script" {
  image      = "docker:dind"
  privileged = true
  name       = "dind-script-${data.coder_workspace.me.id}"
  entrypoint = ["sh", "-c", <<-EOT
    mkdir -p /var/lib/docker
    exec dockerd -H tcp://0.0.0.0:2375 # expect: TDL402
  EOT
  ]
}

resource "docker_container" "workspace" {
  count      = data.coder_workspace.me.start_count
  image      = "codercom/enterprise-base:ubuntu"
  name       = "dev-${data.coder_workspace.me.id}"
  privileged = true
  command    = ["sh", "-c", coder_agent.main.init_script]
  env        = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
}
