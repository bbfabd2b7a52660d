variable "db_password" {
  type      = string
  sensitive = true
}

variable "tools_image" {
  type = string
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "docker_container" "workspace" {
  image   = "ubuntu" # expect: ACME001, ACME002
  name    = "dev"
  command = ["sh", "-c", coder_agent.main.init_script]
  env = [
    "CODER_AGENT_TOKEN=${coder_agent.main.token}",
    "DB_PASSWORD=${var.db_password}",
    "GITHUB_TOKEN=ghp_0123456789", # expect: ACME004
  ]
  volumes {
    host_path      = "/var/run/docker.sock" # expect: ACME003
    container_path = "/var/run/docker.sock"
  }
  volumes {
    host_path      = "/home/coder"
    container_path = "/home/coder"
  }
  capabilities {
    add = ["CAP_SYS_ADMIN", "SYS_PTRACE"] # expect: ACME005
  }
}

resource "docker_container" "dind" { # expect: ACME006
  image      = "docker:27-dind"
  privileged = true
  name       = "dind"
}

resource "docker_container" "dind_runc" {
  image   = "docker:27-dind"
  runtime = "runc" # expect: ACME006
  name    = "dind-runc"
}

resource "docker_container" "dind_sysbox" {
  image   = "docker:27-dind"
  runtime = "sysbox-runc"
  name    = "dind-sysbox"
}

# unknown values give no finding
resource "docker_container" "tools" {
  image = var.tools_image
  name  = "tools"
}
