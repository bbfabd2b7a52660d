# Schemes present, or a value whose leading part the tool cannot know: no finding.
variable "docker_host" {
  type = string
}

variable "docker_port" {
  default = 2376
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  env = {
    DOCKER_HOST       = "tcp://docker:${var.docker_port}"
    DOCKER_TLS_VERIFY = "1"
  }
  startup_script = <<-EOT
    # export DOCKER_HOST=localhost:2375 (a comment)
    export DOCKER_HOST="unix:///var/run/docker.sock"
    echo DOCKER_HOST=localhost:2375
  EOT
}

resource "docker_container" "workspace" {
  image   = "codercom/enterprise-base:ubuntu"
  name    = "dev"
  command = ["sh", "-c", coder_agent.main.init_script]
  env = [
    "CODER_AGENT_TOKEN=${coder_agent.main.token}",
    "DOCKER_HOST=${var.docker_host}",
  ]
}

resource "kubernetes_pod" "remote" {
  metadata {
    name = "coder-remote"
  }
  spec {
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
      env {
        name  = "DOCKER_HOST"
        value = "ssh://coder@build-host"
      }
    }
  }
}
