# Two daemons in the pod, neither on the client's port.
resource "kubernetes_pod" "two" {
  metadata {
    name = "coder-two"
  }
  spec {
    container {
      name  = "docker-a"
      image = "docker:dind"
      args  = ["dockerd", "--host=tcp://127.0.0.1:2375"]
      security_context {
        privileged = true
      }
    }
    container {
      name  = "docker-b"
      image = "docker:dind"
      args  = ["dockerd", "--host=tcp://127.0.0.1:2377"]
      security_context {
        privileged = true
      }
    }
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
      env {
        name  = "DOCKER_HOST"
        value = "tcp://localhost:2376" # expect: TDL404
      }
    }
  }
}
