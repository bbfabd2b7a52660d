# Root set on the sidecar itself overrides the pod; no user set means the image's root; rootless is its own thing.
variable "sidecar_uid" {
  type = number
}

resource "kubernetes_pod" "main" {
  metadata {
    name = "coder-main"
  }
  spec {
    security_context {
      run_as_user = "1000"
    }
    container {
      name  = "docker-sidecar"
      image = "docker:dind"
      security_context {
        privileged  = true
        run_as_user = 0
      }
    }
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
    }
  }
}

resource "kubernetes_pod" "defaults" {
  metadata {
    name = "coder-defaults"
  }
  spec {
    container {
      name  = "docker-sidecar"
      image = "docker:dind"
      security_context {
        privileged = true
      }
    }
    container {
      name  = "unknown"
      image = "docker:dind"
      security_context {
        privileged  = true
        run_as_user = var.sidecar_uid
      }
    }
    container {
      name  = "rootless"
      image = "docker:27-dind-rootless"
      security_context {
        privileged  = true
        run_as_user = 1000
      }
    }
  }
}

resource "docker_container" "dind" {
  image      = "docker:dind"
  privileged = true
  name       = "dind"
  user       = "root"
}

# A Sysbox workspace starting its own dockerd through sudo: the agent's container, not a dind sidecar.
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "kubernetes_pod" "sysbox" {
  metadata {
    name = "coder-sysbox"
  }
  spec {
    runtime_class_name = "sysbox-runc"
    security_context {
      run_as_user = 1000
    }
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", "sudo dockerd > /tmp/dockerd.log 2>&1 & ${coder_agent.main.init_script}"]
    }
  }
}
