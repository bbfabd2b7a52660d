# Stay-quiet clauses of TDL404 with the Docker provider: values the tool cannot know, and hosts
# that may reach a port dind publishes.
data "coder_workspace" "me" {}

variable "socket_dir" {
  type = string
}

variable "docker_host" {
  type = string
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "docker_container" "dind" {
  count      = data.coder_workspace.me.start_count
  image      = "docker:dind"
  privileged = true
  name       = "dind-${data.coder_workspace.me.id}"
}

# an IP address: perhaps the Docker host, where dind may publish its port
resource "docker_container" "by_ip" {
  count = data.coder_workspace.me.start_count
  image = "codercom/enterprise-base:ubuntu"
  name  = "ip-${data.coder_workspace.me.id}"
  env   = ["DOCKER_HOST=tcp://172.17.0.1:2376"]
}

# the Docker host's name
resource "docker_container" "internal" {
  count = data.coder_workspace.me.start_count
  image = "codercom/enterprise-base:ubuntu"
  name  = "internal-${data.coder_workspace.me.id}"
  env   = ["DOCKER_HOST=tcp://host.docker.internal:2376"]
}

# an address from a variable without a default
resource "docker_container" "from_variable" {
  count = data.coder_workspace.me.start_count
  image = "codercom/enterprise-base:ubuntu"
  name  = "var-${data.coder_workspace.me.id}"
  env   = ["DOCKER_HOST=${var.docker_host}"]
}

# a unix socket under a mount whose path is unknown (`var.socket_dir` has no default)
resource "docker_container" "unknown_mount" {
  count = data.coder_workspace.me.start_count
  image = "codercom/enterprise-base:ubuntu"
  name  = "mount-${data.coder_workspace.me.id}"
  env   = ["DOCKER_HOST=unix:///var/run/docker.sock"]
  volumes {
    container_path = var.socket_dir
    volume_name    = "sockets"
  }
}

# a unix socket and volumes from a dynamic block: one may bring the socket
resource "docker_container" "dynamic_mount" {
  count = data.coder_workspace.me.start_count
  image = "codercom/enterprise-base:ubuntu"
  name  = "dynamic-${data.coder_workspace.me.id}"
  env   = ["DOCKER_HOST=unix:///var/run/docker.sock"]
  dynamic "volumes" {
    for_each = toset([var.socket_dir])
    content {
      container_path = volumes.value
      volume_name    = "sockets"
    }
  }
}

# IPv6 addresses in upper and lower case
resource "docker_container" "ipv6" {
  count = data.coder_workspace.me.start_count
  image = "codercom/enterprise-base:ubuntu"
  name  = "ipv6-${data.coder_workspace.me.id}"
  env   = ["DOCKER_HOST=tcp://[FD00::1]:2376"]
}

resource "docker_container" "ipv6_lower" {
  count = data.coder_workspace.me.start_count
  image = "codercom/enterprise-base:ubuntu"
  name  = "ipv6-lower-${data.coder_workspace.me.id}"
  env   = ["DOCKER_HOST=tcp://[fd00::2]:2376"]
}

# TLS without DOCKER_CERT_PATH, but the client certificates are mounted where the client looks (~/.docker)
resource "docker_container" "certs_in_home" {
  count = data.coder_workspace.me.start_count
  image = "codercom/enterprise-base:ubuntu"
  name  = "certs-home-${data.coder_workspace.me.id}"
  env   = ["DOCKER_HOST=tcp://${docker_container.dind[0].name}:2376", "DOCKER_TLS_VERIFY=1"]
  volumes {
    container_path = "/home/coder/.docker/"
    volume_name    = "certs"
  }
}

# the same with a mount the tool cannot place
resource "docker_container" "certs_unknown_mount" {
  count = data.coder_workspace.me.start_count
  image = "codercom/enterprise-base:ubuntu"
  name  = "certs-unknown-${data.coder_workspace.me.id}"
  env   = ["DOCKER_HOST=tcp://${docker_container.dind[0].name}:2376", "DOCKER_TLS_VERIFY=1"]
  volumes {
    container_path = var.socket_dir
    volume_name    = "certs"
  }
}

# a unix socket whose path is unknown (in a directory from a variable without a default), no mount at all
resource "docker_container" "unknown_socket" {
  count = data.coder_workspace.me.start_count
  image = "codercom/enterprise-base:ubuntu"
  name  = "socket-${data.coder_workspace.me.id}"
  env   = ["DOCKER_HOST=unix://${var.socket_dir}/docker.sock"]
}
