# Kubernetes: TLS on the listener, a unix socket only, and a listener from a variable: quiet.
variable "listen" {
  type = string
}

resource "kubernetes_pod" "tls" {
  metadata {
    name = "coder-tls"
  }
  spec {
    container {
      name  = "docker-sidecar"
      image = "docker:dind"
      args  = ["dockerd", "--host=tcp://0.0.0.0:2376", "--tlsverify", "--tlscacert=/certs/ca.pem", "--tlscert=/certs/cert.pem", "--tlskey=/certs/key.pem"]
      security_context {
        privileged = true
      }
    }
  }
}

resource "kubernetes_pod" "unix" {
  metadata {
    name = "coder-unix"
  }
  spec {
    container {
      name  = "docker-sidecar"
      image = "docker:dind"
      args  = ["dockerd", "--host=unix:///var/run/docker.sock"]
      security_context {
        privileged = true
      }
    }
  }
}

resource "kubernetes_pod" "from_variable" {
  metadata {
    name = "coder-from-variable"
  }
  spec {
    container {
      name  = "docker-sidecar"
      image = "docker:dind"
      args  = ["dockerd", "--host=${var.listen}"]
      security_context {
        privileged = true
      }
    }
  }
}
