# The workspace container comes first: the dind sidecar after it is still checked. Its `args` are set, so
# moving `command` there would write the key twice: a finding with no fix.
resource "kubernetes_pod" "main" {
  metadata {
    name = "coder-main"
  }
  spec {
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
    }
    container {
      name    = "docker-sidecar"
      image   = "docker:dind"
      command = ["dockerd", "-H", "tcp://127.0.0.1:2375"] # expect: TDL407
      args    = ["--tls=false"]
      security_context {
        privileged = true
      }
    }
  }
}
