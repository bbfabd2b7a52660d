# An envbox workspace on Kubernetes, shaped like coder/coder's kubernetes-envbox template.
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

variable "namespace" {
  type        = string
  description = "Namespace the workspaces run in"
}

variable "add_fuse" {
  type    = bool
  default = false
}

variable "add_tun" {
  type    = bool
  default = false
}

variable "cpu_limit" {
  type = string
}

variable "memory_limit_gb" {
  type = string
}

data "coder_parameter" "disk_gb" {
  name    = "Home disk (GB)"
  type    = "number"
  default = 10
  mutable = true
}

data "coder_workspace" "me" {}
data "coder_workspace_owner" "me" {}

resource "coder_agent" "main" {
  os             = "linux"
  arch           = "amd64"
  startup_script = <<-EOT
    #!/bin/bash
    [ -f ~/.bashrc ] || cp /etc/skel/.bashrc ~
  EOT
}

resource "kubernetes_persistent_volume_claim" "home" {
  metadata {
    name      = "coder-${data.coder_workspace.me.id}-home"
    namespace = var.namespace
  }
  wait_until_bound = false
  spec {
    access_modes = ["ReadWriteOnce"]
    resources {
      requests = {
        storage = "${data.coder_parameter.disk_gb.value}Gi"
      }
    }
  }
}

resource "kubernetes_pod" "workspace" {
  count = data.coder_workspace.me.start_count

  metadata {
    name      = "coder-${lower(data.coder_workspace_owner.me.name)}-${lower(data.coder_workspace.me.name)}"
    namespace = var.namespace
  }

  spec {
    restart_policy = "Never"

    container {
      name    = "dev"
      image   = "ghcr.io/coder/envbox:0.6.2"
      command = ["/envbox", "docker"]

      security_context {
        privileged = true
      }

      resources {
        limits = {
          cpu    = var.cpu_limit
          memory = "${var.memory_limit_gb}G"
        }
      }

      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.main.token
      }
      env {
        name  = "CODER_AGENT_URL"
        value = data.coder_workspace.me.access_url
      }
      env {
        name  = "CODER_INNER_IMAGE"
        value = "index.docker.io/codercom/enterprise-base:ubuntu"
      }
      env {
        name  = "CODER_INNER_USERNAME"
        value = "coder"
      }
      env {
        name  = "CODER_BOOTSTRAP_SCRIPT"
        value = coder_agent.main.init_script
      }
      env {
        name  = "CODER_MOUNTS"
        value = "/home/coder:/home/coder"
      }
      env {
        name  = "CODER_ADD_FUSE"
        value = var.add_fuse
      }
      env {
        name  = "CODER_ADD_TUN"
        value = var.add_tun
      }
      env {
        name  = "CODER_INNER_HOSTNAME"
        value = data.coder_workspace.me.name
      }
      env {
        name = "CODER_CPUS"
        value_from {
          resource_field_ref {
            resource = "limits.cpu"
          }
        }
      }
      env {
        name = "CODER_MEMORY"
        value_from {
          resource_field_ref {
            resource = "limits.memory"
          }
        }
      }
      # The seed page's private-registry snippet.
      env {
        name = "CODER_IMAGE_PULL_SECRET"
        value_from {
          secret_key_ref {
            name = "regcred"
            key  = ".dockerconfigjson"
          }
        }
      }

      # one sub-directory of the home volume per data directory
      volume_mount {
        name       = "home"
        mount_path = "/home/coder"
        sub_path   = "home"
      }
      volume_mount {
        name       = "home"
        mount_path = "/var/lib/coder/docker"
        sub_path   = "cache/docker"
      }
      volume_mount {
        name       = "home"
        mount_path = "/var/lib/coder/containers"
        sub_path   = "cache/containers"
      }
      volume_mount {
        name       = "home"
        mount_path = "/var/lib/containers"
        sub_path   = "envbox/containers"
      }
      volume_mount {
        name       = "home"
        mount_path = "/var/lib/docker"
        sub_path   = "envbox/docker"
      }
      volume_mount {
        name       = "sysbox"
        mount_path = "/var/lib/sysbox"
      }
      volume_mount {
        name       = "usr-src"
        mount_path = "/usr/src"
      }
      volume_mount {
        name       = "lib-modules"
        mount_path = "/lib/modules"
      }
    }

    volume {
      name = "home"
      persistent_volume_claim {
        claim_name = kubernetes_persistent_volume_claim.home.metadata.0.name
      }
    }
    volume {
      name = "sysbox"
      empty_dir {}
    }
    volume {
      name = "usr-src"
      host_path {
        path = "/usr/src"
      }
    }
    volume {
      name = "lib-modules"
      host_path {
        path = "/lib/modules"
      }
    }
  }
}
