# Kubernetes provider: a socket that is not Docker's, and a mode from a variable.
variable "mode" {
  type = string
}

resource "kubernetes_pod" "workspace" {
  metadata {
    name = "coder-workspace"
  }
  spec {
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", "sudo chmod 666 /run/app.sock && sudo chmod ${var.mode} /var/run/docker.sock && sleep infinity"]
    }
  }
}
