# DOCKER_HOST whose value depends on a workspace parameter: the branch without a scheme is wrong.
data "coder_parameter" "dind" {
  name    = "dind"
  type    = "bool"
  default = "true"
}

resource "coder_agent" "main" {
  arch = "amd64"
  os   = "linux"
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
      env {
        name  = "DOCKER_HOST"
        value = data.coder_parameter.dind.value ? "localhost:2375" : "" # expect: TDL403
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
