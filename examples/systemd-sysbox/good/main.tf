# Sysbox on Kubernetes with systemd as PID 1: the workspace behaves like a VM
# (systemctl, a docker.service, cron, ...). The pod starts as root -- inside a
# Sysbox user namespace, so root in the pod is not root on the node -- and the
# agent runs as the "coder" user once systemd is up.
terraform {
  required_providers {
    coder = {
      source  = "coder/coder"
      version = "~> 2.0"
    }
    kubernetes = {
      source = "hashicorp/kubernetes"
      # runtime_class_name exists from 2.16.0 on
      version = ">= 2.16.0, < 3.0.0"
    }
  }
}

provider "coder" {}

provider "kubernetes" {
  config_path = var.use_kubeconfig ? "~/.kube/config" : null
}

data "coder_workspace" "me" {}
data "coder_workspace_owner" "me" {}

locals {
  name = "coder-${lower(data.coder_workspace_owner.me.name)}-${lower(data.coder_workspace.me.name)}"
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"

  # systemd already started docker.service; this only reports it.
  startup_script = <<-EOT
    set -e
    if [ ! -f ~/.profile ]; then
      cp -rT /etc/skel ~
    fi
    systemctl is-active docker
  EOT

  metadata {
    display_name = "System state"
    key          = "0_systemd"
    script       = "systemctl is-system-running"
    interval     = 30
    timeout      = 5
  }

  metadata {
    display_name = "CPU Usage"
    key          = "1_cpu_usage"
    script       = "coder stat cpu"
    interval     = 10
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
    name      = local.name
    namespace = var.namespace
    labels = {
      "app.kubernetes.io/name" = "coder-workspace"
      "com.coder.resource"     = "true"
      "com.coder.workspace.id" = data.coder_workspace.me.id
    }
    annotations = {
      # Sysbox needs a user namespace for the pod (required on CRI-O nodes)
      "io.kubernetes.cri-o.userns-mode" = "auto:size=65536"
    }
  }

  spec {
    # Use the Sysbox container runtime (required)
    runtime_class_name = "sysbox-runc"

    # Run as root in order to start systemd (required); the home volume is
    # group-owned by the coder user's group.
    security_context {
      run_as_user = 0
      fs_group    = 1000
    }

    container {
      name              = "dev"
      image             = "codercom/enterprise-base:ubuntu-20240812"
      image_pull_policy = "IfNotPresent"

      # sudo resets the environment: keep the agent token. The shell
      # here-document ends at the unindented EOT line (Terraform's <<-EOF
      # strips the common indentation).
      command = ["sh", "-c", <<-EOF
        sudo -u coder --preserve-env=CODER_AGENT_TOKEN /bin/bash -- <<-'EOT' &
        while [[ ! $(systemctl is-system-running) =~ ^(running|degraded) ]]
        do
          echo "Waiting for systemd... $(systemctl is-system-running)"
          sleep 2
        done
        ${coder_agent.main.init_script}
        EOT

        exec /sbin/init
      EOF
      ]

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
        }
      }

      volume_mount {
        name       = "home"
        mount_path = "/home/coder"
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
