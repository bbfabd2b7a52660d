# Kubernetes provider: the workspace container opens the socket to everyone.
resource "coder_agent" "k8s" {
  os   = "linux"
  arch = "amd64"
}

resource "kubernetes_pod" "workspace" {
  metadata {
    name = "coder-workspace"
  }
  spec {
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", "sudo chmod a+rw /var/run/docker.sock && ${coder_agent.k8s.init_script}"] # expect: TDL411
      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.k8s.token
      }
    }
  }
}
