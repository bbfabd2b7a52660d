resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "docker_container" "workspace" {
  image   = "codercom/enterprise-base:ubuntu"
  name    = "dev"
  command = ["sh", "-c", coder_agent.main.init_script]
  capabilities {
    add = ["NET_ADMIN", "SYS_ADMIN"] # expect: TDL414
  }
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
      security_context {
        privileged = false
        capabilities {
          add = ["CAP_SYS_ADMIN"] # expect: TDL414
        }
      }
    }
  }
}
