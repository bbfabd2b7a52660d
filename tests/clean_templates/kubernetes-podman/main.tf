# Rootless Podman in a Kubernetes workspace, shaped like the community kubernetes-podman template.
terraform {
  required_providers {
    coder = {
      source = "coder/coder"
    }
    kubernetes = {
      source = "hashicorp/kubernetes"
    }
  }
}

data "coder_workspace" "me" {}

data "coder_parameter" "os" {
  name    = "os"
  type    = "string"
  default = "ubuntu"
  option {
    name  = "Ubuntu"
    value = "ubuntu"
  }
  option {
    name  = "Fedora"
    value = "fedora"
  }
}

resource "coder_agent" "dev" {
  os             = "linux"
  arch           = "amd64"
  dir            = "/home/podman"
  startup_script = <<-EOF
    #!/bin/sh
    # the first call sets up the user's storage
    podman info >/dev/null
  EOF
}

resource "kubernetes_persistent_volume_claim" "home" {
  metadata {
    name      = "coder-${data.coder_workspace.me.id}-home"
    namespace = "coder"
  }
  wait_until_bound = false
  spec {
    access_modes = ["ReadWriteOnce"]
    resources {
      requests = {
        storage = "10Gi"
      }
    }
  }
}

resource "kubernetes_pod" "main" {
  count = data.coder_workspace.me.start_count
  metadata {
    name      = "coder-${data.coder_workspace.me.id}"
    namespace = "coder"
    annotations = {
      # AppArmor would block the user namespaces Podman needs on Debian and Ubuntu nodes
      "container.apparmor.security.beta.kubernetes.io/dev" = "unconfined"
    }
  }
  spec {
    security_context {
      run_as_user = 1000
      fs_group    = 1000
    }
    container {
      name    = "dev"
      image   = "ghcr.io/coder/podman:${data.coder_parameter.os.value}"
      command = ["/bin/bash", "-c", coder_agent.dev.init_script]
      security_context {
        run_as_user = "1000"
      }
      resources {
        requests = {
          cpu    = "250m"
          memory = "512Mi"
        }
        limits = {
          # /dev/fuse for fuse-overlayfs, from the FUSE device plugin
          "github.com/fuse" = 1
          cpu               = "2"
          memory            = "4Gi"
        }
      }
      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.dev.token
      }
      volume_mount {
        name       = "home"
        mount_path = "/home/podman"
      }
    }
    volume {
      name = "home"
      persistent_volume_claim {
        claim_name = kubernetes_persistent_volume_claim.home.metadata.0.name
      }
    }
  }
}
