# Containers of a pod share one network namespace: the sidecar is at localhost.
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "kubernetes_pod" "by_name" {
  metadata {
    name = "coder-by-name"
  }
  spec {
    container {
      name  = "docker-sidecar"
      image = "docker:dind"
      args  = ["dockerd", "--host=tcp://127.0.0.1:2375"]
      security_context {
        privileged = true
      }
    }
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.main.init_script]
      env {
        name  = "DOCKER_HOST"
        value = "tcp://docker-sidecar:2375" # expect: TDL404
      }
    }
  }
}

resource "kubernetes_pod" "wrong_port" {
  metadata {
    name = "coder-wrong-port"
  }
  spec {
    container {
      name  = "docker-sidecar"
      image = "docker:dind"
      args  = ["dockerd", "--host=tcp://127.0.0.1:2375"]
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

# the sidecar's socket is in its own filesystem
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
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
      env {
        name  = "DOCKER_HOST"
        value = "unix:///var/run/docker.sock" # expect: TDL404
      }
    }
  }
}

# the same, with the socket directory shared through a volume: no finding
resource "kubernetes_pod" "unix_shared" {
  metadata {
    name = "coder-unix-shared"
  }
  spec {
    container {
      name  = "docker-sidecar"
      image = "docker:dind"
      args  = ["dockerd", "--host=unix:///run/dind/docker.sock"]
      security_context {
        privileged = true
      }
      volume_mount {
        name       = "dind-socket"
        mount_path = "/run/dind"
      }
    }
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
      env {
        name  = "DOCKER_HOST"
        value = "unix:///run/dind/docker.sock"
      }
      volume_mount {
        name       = "dind-socket"
        mount_path = "/run/dind"
      }
    }
    volume {
      name = "dind-socket"
      empty_dir {}
    }
  }
}
