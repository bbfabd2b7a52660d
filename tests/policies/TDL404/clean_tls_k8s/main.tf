# The privileged sidecar done right on Kubernetes: the image's entrypoint (TLS on 2376), client
# certificates and the data-root on emptyDir volumes, the sidecar running as root explicitly under a
# non-root pod. Quiet under every 4xx rule (TDL401 is acknowledged).
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "kubernetes_pod" "main" {
  metadata {
    name = "coder-main"
  }
  spec {
    security_context {
      run_as_user = 1000
      fs_group    = 1000
    }
    container {
      name  = "docker-sidecar"
      image = "docker:27-dind"
      security_context {
        # tfdind-lint: ignore[TDL401] -- nodes cannot run Sysbox (ticket OPS-123)
        privileged  = true
        run_as_user = "0"
      }
      volume_mount {
        name       = "certs"
        mount_path = "/certs/client"
      }
      volume_mount {
        name       = "docker-data"
        mount_path = "/var/lib/docker"
      }
    }
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.main.init_script]
      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.main.token
      }
      env {
        name  = "DOCKER_HOST"
        value = "tcp://localhost:2376"
      }
      env {
        name  = "DOCKER_TLS_VERIFY"
        value = "1"
      }
      env {
        name  = "DOCKER_CERT_PATH"
        value = "/certs/client"
      }
      volume_mount {
        name       = "certs"
        mount_path = "/certs/client"
        read_only  = true
      }
    }
    volume {
      name = "certs"
      empty_dir {}
    }
    volume {
      name = "docker-data"
      empty_dir {}
    }
  }
}
