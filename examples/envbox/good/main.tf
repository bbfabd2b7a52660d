# Envbox: a privileged outer container that runs Sysbox itself and starts the
# workspace as an unprivileged inner container. No runtime on the nodes needed,
# but the nodes' kernels must suit Sysbox.
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

provider "coder" {}

provider "kubernetes" {
  config_path = var.use_kubeconfig ? "~/.kube/config" : null
}

data "coder_workspace" "me" {}
data "coder_workspace_owner" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"

  # Runs in the inner container, where dockerd can start without privileges.
  startup_script = <<-EOT
    set -e
    if [ ! -f ~/.profile ]; then
      cp -rT /etc/skel ~
    fi
    sudo dockerd >/tmp/dockerd.log 2>&1 &
  EOT

  metadata {
    display_name = "CPU Usage"
    key          = "0_cpu_usage"
    script       = "coder stat cpu"
    interval     = 10
    timeout      = 1
  }

  metadata {
    display_name = "Home Disk"
    key          = "1_home_disk"
    script       = "coder stat disk --path $${HOME}"
    interval     = 60
    timeout      = 1
  }
}

module "code-server" {
  count    = data.coder_workspace.me.start_count
  source   = "registry.coder.com/coder/code-server/coder"
  version  = "~> 1.0"
  agent_id = coder_agent.main.id
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
        storage = "${data.coder_parameter.home_disk_size.value}Gi"
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
  }

  spec {
    restart_policy = "Never"

    container {
      name              = "dev"
      image             = "ghcr.io/coder/envbox:0.6.7"
      image_pull_policy = "IfNotPresent"
      command           = ["/envbox", "docker"]

      # Envbox requires a privileged outer container; the inner workspace
      # container it starts is not privileged.
      security_context {
        privileged = true
      }

      resources {
        requests = {
          cpu    = "250m"
          memory = "1Gi"
        }
        limits = {
          cpu    = data.coder_parameter.cpu.value
          memory = "${data.coder_parameter.memory.value}Gi"
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
        name  = "CODER_BOOTSTRAP_SCRIPT"
        value = coder_agent.main.init_script
      }
      env {
        name  = "CODER_INNER_IMAGE"
        value = var.inner_image
      }
      env {
        name  = "CODER_INNER_USERNAME"
        value = "coder"
      }
      env {
        name  = "CODER_INNER_HOSTNAME"
        value = lower(data.coder_workspace.me.name)
      }
      env {
        # Pull credentials come from a Secret, never from the template
        name = "CODER_IMAGE_PULL_SECRET"
        value_from {
          secret_key_ref {
            name     = var.pull_secret_name
            key      = ".dockerconfigjson"
            optional = true
          }
        }
      }
      env {
        name  = "CODER_MOUNTS"
        value = "/home/coder:/home/coder"
      }
      env {
        name  = "CODER_ADD_FUSE"
        value = var.create_fuse
      }
      env {
        name  = "CODER_ADD_TUN"
        value = var.create_tun
      }
      # The inner container gets the pod's limits, as integers in cores and bytes
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

      # One disk, one sub-directory per data directory: the outer and the
      # inner Docker daemon must not share a data root.
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
        mount_path = "/var/lib/docker"
        sub_path   = "envbox/docker"
      }
      volume_mount {
        name       = "home"
        mount_path = "/var/lib/containers"
        sub_path   = "envbox/containers"
      }
      volume_mount {
        name       = "sysbox"
        mount_path = "/var/lib/sysbox"
      }
      volume_mount {
        name       = "usr-src"
        mount_path = "/usr/src"
        read_only  = true
      }
      volume_mount {
        name       = "lib-modules"
        mount_path = "/lib/modules"
        read_only  = true
      }
    }

    volume {
      name = "home"
      persistent_volume_claim {
        claim_name = kubernetes_persistent_volume_claim_v1.home.metadata[0].name
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
        type = "Directory"
      }
    }
    volume {
      name = "lib-modules"
      host_path {
        path = "/lib/modules"
        type = "Directory"
      }
    }
  }
}
