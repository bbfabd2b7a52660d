# Rootless Podman in an ordinary, unprivileged pod. Needs /dev/fuse for
# fuse-overlayfs, handed out by the FUSE device plugin (fuse-device-plugin.yaml),
# and user namespaces on the nodes (bottlerocket-nodeclass.yaml for Bottlerocket).
terraform {
  required_providers {
    coder = {
      source  = "coder/coder"
      version = "~> 2.0"
    }
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = "~> 2.23"
    }
  }
}

variable "use_kubeconfig" {
  type        = bool
  default     = false
  description = "Use the host's ~/.kube/config (true) or the in-cluster ServiceAccount (false)"
}

variable "namespace" {
  type        = string
  default     = "coder-workspaces"
  description = "Namespace for the workspace pods (it must exist already)"
}

provider "coder" {}

provider "kubernetes" {
  config_path = var.use_kubeconfig ? "~/.kube/config" : null
}

data "coder_workspace" "me" {}
data "coder_workspace_owner" "me" {}

data "coder_parameter" "cpu" {
  name         = "cpu"
  display_name = "CPU"
  type         = "number"
  default      = 2
  mutable      = true
  validation {
    min = 1
    max = 8
  }
}

data "coder_parameter" "memory" {
  name         = "memory"
  display_name = "Memory (GB)"
  type         = "number"
  default      = 4
  mutable      = true
  validation {
    min = 2
    max = 16
  }
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"

  # Podman needs no daemon. The first call sets up rootless storage
  # (fuse-overlayfs on /dev/fuse) and fails early if it cannot.
  startup_script = <<-EOT
    set -e
    podman info --format 'storage driver: {{.Store.GraphDriverName}}'
  EOT

  env = {
    GIT_AUTHOR_NAME  = coalesce(data.coder_workspace_owner.me.full_name, data.coder_workspace_owner.me.name)
    GIT_AUTHOR_EMAIL = data.coder_workspace_owner.me.email
  }

  metadata {
    display_name = "CPU Usage"
    key          = "0_cpu_usage"
    script       = "coder stat cpu"
    interval     = 10
    timeout      = 1
  }

  metadata {
    display_name = "Podman containers"
    key          = "1_podman"
    script       = "podman ps --quiet | wc -l"
    interval     = 30
    timeout      = 5
  }
}

module "code-server" {
  count    = data.coder_workspace.me.start_count
  source   = "registry.coder.com/coder/code-server/coder"
  version  = "~> 1.0"
  agent_id = coder_agent.main.id
  folder   = "/home/podman"
  order    = 1
}

resource "kubernetes_persistent_volume_claim_v1" "home" {
  metadata {
    name      = "coder-${data.coder_workspace.me.id}-home"
    namespace = var.namespace
    labels = {
      "com.coder.resource"     = "true"
      "com.coder.workspace.id" = data.coder_workspace.me.id
    }
  }
  wait_until_bound = false
  spec {
    access_modes = ["ReadWriteOnce"]
    resources {
      requests = {
        storage = "20Gi"
      }
    }
  }
}

resource "kubernetes_pod_v1" "main" {
  count = data.coder_workspace.me.start_count

  metadata {
    name      = "coder-${lower(data.coder_workspace_owner.me.name)}-${lower(data.coder_workspace.me.name)}"
    namespace = var.namespace
    labels = {
      "app.kubernetes.io/name" = "coder-workspace"
      "com.coder.resource"     = "true"
      "com.coder.workspace.id" = data.coder_workspace.me.id
    }
    annotations = {
      # AppArmor blocks the mounts rootless Podman makes on Debian- and
      # Ubuntu-based nodes. The key ends in the container's name.
      "container.apparmor.security.beta.kubernetes.io/dev" = "unconfined"
    }
  }

  spec {
    # The image's "podman" user, which has subordinate id ranges for rootless Podman
    security_context {
      run_as_user = 1000
      fs_group    = 1000
    }

    container {
      name              = "dev"
      image             = "quay.io/podman/stable:v5.2.3"
      image_pull_policy = "IfNotPresent"
      command           = ["sh", "-c", coder_agent.main.init_script]

      security_context {
        run_as_user = 1000
      }

      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.main.token
      }

      resources {
        requests = {
          cpu    = "500m"
          memory = "1Gi"
        }
        limits = {
          cpu    = data.coder_parameter.cpu.value
          memory = "${data.coder_parameter.memory.value}Gi"
          # One FUSE device from the device plugin. Extended resources go in
          # limits (requests default to the same value).
          "github.com/fuse" = 1
        }
      }

      volume_mount {
        name       = "home"
        mount_path = "/home/podman"
      }
    }

    volume {
      name = "home"
      persistent_volume_claim {
        claim_name = kubernetes_persistent_volume_claim_v1.home.metadata[0].name
      }
    }
  }
}
