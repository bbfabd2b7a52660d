# The dind-sidecar template with the Dev Containers snippet added: the provider
# constraint still admits versions older than coder_devcontainer, and the
# sidecar does not see the home volume the project is cloned into.
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

locals {
  name = "coder-${lower(data.coder_workspace_owner.me.name)}-${lower(data.coder_workspace.me.name)}"
  # The dind image writes the client half of its TLS material here
  docker_cert_path = "/certs/client"
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"

  startup_script = <<-EOT
    set -e
    if [ ! -f ~/.profile ]; then
      cp -rT /etc/skel ~
    fi
    # The sidecar generates its certificates when it starts; wait for it.
    for i in $(seq 1 60); do
      docker version >/dev/null 2>&1 && break
      sleep 1
    done
  EOT

  metadata {
    display_name = "CPU Usage"
    key          = "0_cpu_usage"
    script       = "coder stat cpu"
    interval     = 10
    timeout      = 1
  }

  metadata {
    display_name = "Docker daemon"
    key          = "1_docker"
    script       = "docker info --format '{{.ServerVersion}}' 2>/dev/null || echo unreachable"
    interval     = 30
    timeout      = 5
  }
}

module "devcontainers-cli" {
  count    = data.coder_workspace.me.start_count
  source   = "registry.coder.com/coder/devcontainers-cli/coder"
  version  = "~> 1.0"
  agent_id = coder_agent.main.id
}

resource "coder_devcontainer" "project" {
  count            = data.coder_workspace.me.start_count
  agent_id         = coder_agent.main.id
  workspace_folder = "/home/coder/project"
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
  }

  spec {
    # Only the group: the daemon runs as root, the workspace as 1000
    security_context {
      fs_group = 1000
    }

    container {
      name  = "docker"
      image = var.dind_image
      # No command or args: the image's entrypoint sets up cgroups and
      # iptables, and serves tcp://0.0.0.0:2376 with --tlsverify.

      security_context {
        # tfdind-lint: ignore[TDL401] -- node pool has no Sysbox support (GKE COS); approved in SEC-318, sidecar reachable with client certificates only
        privileged  = true
        run_as_user = 0
      }

      env {
        name  = "DOCKER_TLS_CERTDIR"
        value = "/certs"
      }

      resources {
        requests = {
          cpu    = "250m"
          memory = "512Mi"
        }
        limits = {
          cpu    = data.coder_parameter.cpu.value
          memory = "${data.coder_parameter.memory.value}Gi"
        }
      }

      volume_mount {
        name       = "docker-data"
        mount_path = "/var/lib/docker"
      }
      volume_mount {
        name       = "docker-certs"
        mount_path = local.docker_cert_path
      }
    }

    container {
      name              = "dev"
      image             = "codercom/enterprise-node:ubuntu-20240812"
      image_pull_policy = "IfNotPresent"
      command           = ["sh", "-c", coder_agent.main.init_script]

      security_context {
        run_as_user = 1000
      }

      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.main.token
      }
      env {
        name  = "DOCKER_HOST"
        value = "tcp://localhost:2376"
      }
      env {
        name  = "DOCKER_TLS_VERIFY"
        value = "1"
      }
      env {
        name  = "DOCKER_CERT_PATH"
        value = local.docker_cert_path
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

      volume_mount {
        name       = "home"
        mount_path = "/home/coder"
      }
      volume_mount {
        name       = "docker-certs"
        mount_path = local.docker_cert_path
        read_only  = true
      }
    }

    volume {
      name = "home"
      persistent_volume_claim {
        claim_name = kubernetes_persistent_volume_claim_v1.home.metadata[0].name
      }
    }
    # Real disk for the daemon: overlay2 does not work on the container's overlay root
    volume {
      name = "docker-data"
      empty_dir {}
    }
    volume {
      name = "docker-certs"
      empty_dir {
        medium = "Memory"
      }
    }
  }
}
