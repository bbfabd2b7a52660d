# The seed's Sysbox-on-Kubernetes example shape, with the runtime class.
variable "workspaces_namespace" {
  default = "coder-namespace"
}

data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os             = "linux"
  arch           = "amd64"
  startup_script = <<-EOF
    #!/bin/sh
    set -e
    sudo service docker start
  EOF
}

resource "kubernetes_pod" "dev" {
  count = data.coder_workspace.me.start_count
  metadata {
    name      = "coder-${data.coder_workspace.me.id}"
    namespace = var.workspaces_namespace
    annotations = {
      "io.kubernetes.cri-o.userns-mode" = "auto:size=65536"
    }
  }
  spec {
    runtime_class_name = "sysbox-runc"
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.main.init_script]
    }
  }
}

# envbox runs Sysbox itself: its outer container is privileged and needs no runtime class
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
      volume_mount {
        name       = "docker"
        mount_path = "/var/lib/coder/docker"
        sub_path   = "inner"
      }
      volume_mount {
        name       = "docker"
        mount_path = "/var/lib/docker"
        sub_path   = "outer"
      }
    }
    volume {
      name = "docker"
      empty_dir {}
    }
  }
}
