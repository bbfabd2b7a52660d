# TLS, ssh, loopback, the provisioner's daemon, and values the tool cannot know: no finding.
variable "docker_host" {
  type = string
}

provider "docker" {
  host = "tcp://build-host.internal:2375"
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  env = {
    DOCKER_HOST       = "tcp://build-host.internal:2376"
    DOCKER_TLS_VERIFY = "1"
    DOCKER_CERT_PATH  = "/home/coder/.docker/build-host"
  }
}

resource "docker_container" "workspace" {
  image   = "codercom/enterprise-base:ubuntu"
  name    = "dev"
  command = ["sh", "-c", coder_agent.main.init_script]
}

resource "kubernetes_pod" "main" {
  metadata {
    name = "coder-main"
  }
  spec {
    container {
      name  = "ssh"
      image = "codercom/enterprise-base:ubuntu"
      env {
        name  = "DOCKER_HOST"
        value = "ssh://coder@build-host.internal"
      }
    }
    container {
      name  = "loopback"
      image = "codercom/enterprise-base:ubuntu"
      env {
        name  = "DOCKER_HOST"
        value = "tcp://127.0.0.1:2375"
      }
    }
    container {
      name  = "variable"
      image = "codercom/enterprise-base:ubuntu"
      env {
        name  = "DOCKER_HOST"
        value = var.docker_host
      }
    }
    container {
      name  = "env-from"
      image = "codercom/enterprise-base:ubuntu"
      env_from {
        secret_ref {
          name = "docker-tls"
        }
      }
      env {
        name  = "DOCKER_HOST"
        value = "tcp://build-host.internal:2376"
      }
    }
  }
}
