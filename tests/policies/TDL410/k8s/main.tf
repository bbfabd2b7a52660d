resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "kubernetes_pod" "main" {
  metadata {
    name = "coder-main"
  }
  spec {
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.main.init_script]
      volume_mount {
        name       = "docker-sock"
        mount_path = "/var/run/docker.sock"
      }
    }
    container {
      name  = "builder"
      image = "moby/buildkit:v0.18.2"
      volume_mount {
        name       = "docker-sock"
        mount_path = "/var/run/docker.sock"
      }
    }
    volume {
      name = "docker-sock"
      host_path {
        path = "/var/run//docker.sock" # expect: TDL410
        type = "Socket"
      }
    }
    # declared, never mounted: nothing is exposed
    volume {
      name = "unused"
      host_path {
        path = "/run/containerd/containerd.sock"
      }
    }
  }
}
