# The Sysbox pod's `run_as_user = 1000` copied into a pod with a dind sidecar.
resource "kubernetes_pod" "inherited" {
  metadata {
    name = "coder-inherited"
  }
  spec {
    security_context {
      run_as_user = 1000
    }
    container { # expect: TDL408
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
        run_as_user = "1000" # expect: TDL408
      }
    }
  }
}

# run_as_non_root makes the kubelet refuse root
resource "kubernetes_deployment_v1" "builder" {
  metadata {
    name = "coder-builder"
  }
  spec {
    selector {
      match_labels = {
        app = "builder"
      }
    }
    template {
      metadata {
        labels = {
          app = "builder"
        }
      }
      spec {
        container {
          name    = "dind"
          image   = "docker:27-dind"
          command = ["dockerd-entrypoint.sh"]
          security_context {
            privileged      = true
            run_as_non_root = true # expect: TDL408
          }
        }
      }
    }
  }
}
