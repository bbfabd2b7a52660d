# The Sysbox pod's `run_as_user = 1000` copied into a pod with a dind sidecar.
resource "kubernetes_pod" "inherited" {
  metadata {
    name = "coder-inherited"
  }
  spec {
    security_context {
      run_as_user = 1000
    }
    container {
      name  = "docker-sidecar"
      image = "docker:dind"
      security_context {
        privileged = true
      }
    }
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
    }
  }
}

# container level, as a string
resource "kubernetes_pod" "own" {
  metadata {
    name = "coder-own"
  }
  spec {
    container {
      name  = "docker-sidecar"
      image = "docker:dind"
      security_context {
        privileged  = true
        run_as_user = "1000"
      }
    }
  }
}

