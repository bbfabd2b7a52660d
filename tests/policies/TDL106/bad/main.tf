resource "coder_agent" "main" {
  arch = "amd64"
  os   = "linux"
}

resource "kubernetes_pod" "envbox" {
  metadata {
    name = "envbox"
  }
  spec {
    runtime_class_name = "sysbox-runc" # expect: TDL106
    container {
      name    = "dev"
      image   = "ghcr.io/coder/envbox:0.6.2"
      command = ["/envbox", "docker"]
      security_context {
        privileged = true
      }
      env {
        name  = "CODER_BOOTSTRAP_SCRIPT"
        value = coder_agent.main.init_script
      }
    }
  }
}

# A mirrored envbox image, recognised by its command.
resource "docker_container" "envbox" {
  name       = "envbox"
  image      = "registry.internal.example/mirror/sandbox:1.0"
  entrypoint = ["/envbox", "docker"]
  runtime    = "sysbox-runc" # expect: TDL106
  privileged = true
}
