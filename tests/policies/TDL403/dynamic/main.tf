# DOCKER_HOST set through a dynamic env block whose for_each is a known map.
variable "docker_env" {
  type = map(string)
  default = {
    DOCKER_HOST = "localhost:2375"
  }
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "kubernetes_pod" "main" {
  metadata {
    name = "coder-main"
  }
  spec {
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.main.init_script]
      dynamic "env" {
        for_each = var.docker_env
        content {
          name  = env.key
          value = env.value # expect: TDL403
        }
      }
    }
    container {
      name  = "dind"
      image = "docker:27-dind"
      security_context {
        privileged = true
      }
    }
  }
}
