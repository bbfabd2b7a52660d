resource "coder_agent" "dev" {
  os             = "linux"
  arch           = "amd64"
  startup_script = <<-EOF
    #!/bin/sh
    podman info
  EOF
}

resource "kubernetes_pod" "podman" {
  metadata {
    name = "coder-podman"
  }
  spec {
    container {
      name    = "dev"
      image   = "ghcr.io/coder/podman:ubuntu"
      command = ["/bin/bash", "-c", coder_agent.dev.init_script]
      resources {
        limits = { # expect: TDL301
          cpu    = "2"
          memory = "4Gi"
        }
      }
    }
  }
}

# Podman because the agent's startup script runs it; no resources at all.
resource "kubernetes_pod" "script" {
  metadata {
    name = "coder-script"
  }
  spec {
    container { # expect: TDL301
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["/bin/bash", "-c", coder_agent.dev.init_script]
    }
  }
}

resource "kubernetes_pod" "requests_only" {
  metadata {
    name = "coder-requests"
  }
  spec {
    container {
      name  = "dev"
      image = "quay.io/podman/stable"
      resources {
        requests = {
          "github.com/fuse" = 1 # expect: TDL301
        }
      }
    }
    container {
      name  = "gpu"
      image = "nvidia/cuda:12.4.1-base-ubuntu22.04"
      resources {
        requests = {
          "nvidia.com/gpu" = 2 # expect: TDL301
        }
        limits = {
          "nvidia.com/gpu" = 1
        }
      }
    }
  }
}
