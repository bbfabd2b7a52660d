variable "socket_dir" {
  type = string
}

variable "extra_capability" {
  type = string
}

variable "runtime" {
  type = string
}

# each check skips what it does not concern, or does not know, before what it reports

# the Hub prefix is not part of the name; the second allowed runtime
resource "docker_container" "hub" {
  image   = "docker.io/library/docker:27-dind"
  runtime = "sysbox"
  name    = "dind-hub"
}

# a registry with a port and no tag
resource "docker_container" "port" {
  image = "registry.acme.example:5000/dev" # expect: ACME001, ACME002
  name  = "dev-port"
  env = [
    "API_TOKEN=",
    "EDITOR=vim",
    "NPM_TOKEN=npm_0123456789", # expect: ACME004
  ]
  volumes {
    host_path      = var.socket_dir
    container_path = "/var/run"
  }
  volumes {
    volume_name    = "cache"
    container_path = "/cache"
  }
  volumes {
    host_path      = "home/coder"
    container_path = "/home/coder"
  }
  volumes {
    host_path      = "/" # expect: ACME003
    container_path = "/host"
  }
  volumes {
    container_path = "/data"
  }
  mounts {
    type   = "bind"
    target = "/unknown"
  }
  mounts {
    type   = "bind"
    source = "/run/../run//docker.sock" # expect: ACME003
    target = "/run/docker.sock"
  }
  mounts {
    type   = "tmpfs"
    target = "/tmp"
  }
  capabilities {
    add = [var.extra_capability, "SYS_PTRACE", " cap_net_admin "] # expect: ACME005
  }
}

# an unknown runtime is not a wrong one
resource "docker_container" "unknown_runtime" {
  image   = "docker:27-dind"
  runtime = var.runtime
  name    = "dind-unknown"
}

resource "docker_container" "rootless" {
  image   = "docker:27-dind-rootless" # expect: ACME002, ACME007
  runtime = "sysbox-runc"
  name    = "dind-rootless"
}

# a blank image is no image to match
resource "docker_container" "blank" {
  image = " "
  name  = "blank"
}

variable "capabilities" {
  type = list(string)
}

resource "docker_container" "unknown_capabilities" {
  image = "registry.acme.example/dev:1.4"
  name  = "dev-caps"
  capabilities {
    add = var.capabilities
  }
}

# `docker` (the CLI image, no tag) matches the pattern `docker` as written
resource "docker_container" "untagged" {
  image = "docker" # expect: ACME001, ACME002, ACME007
  name  = "dind-cli"
}
