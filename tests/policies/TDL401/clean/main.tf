# No privileged sidecar: Sysbox runs Docker inside the unprivileged workspace container,
# and envbox's privileged outer container is exempt (the method requires it).
resource "coder_agent" "main" {
  os             = "linux"
  arch           = "amd64"
  startup_script = "sudo service docker start"
}

resource "docker_container" "workspace" {
  image   = "codercom/enterprise-base:ubuntu"
  name    = "dev"
  runtime = "sysbox-runc"
  command = ["sh", "-c", coder_agent.main.init_script]
}

resource "kubernetes_pod" "envbox" {
  metadata {
    name = "envbox"
  }
  spec {
    container {
      name    = "dev"
      image   = "ghcr.io/coder/envbox:0.6.2"
      command = ["/envbox", "docker"]
      security_context {
        privileged = true
      }
    }
    container {
      name  = "metrics"
      image = "prom/node-exporter:v1.8.2"
      security_context {
        privileged = false
      }
    }
  }
}
