# Modelled on the Coder docker template, with Sysbox and a per-workspace Docker volume.
data "coder_workspace" "me" {}
data "coder_workspace_owner" "me" {}

resource "coder_agent" "main" {
  arch           = "amd64"
  os             = "linux"
  startup_script = "sudo service docker start"
}

resource "docker_volume" "home_volume" {
  name = "coder-${data.coder_workspace.me.id}-home"
  lifecycle {
    ignore_changes = all
  }
}

resource "docker_volume" "docker_volume" {
  name = "coder-${data.coder_workspace.me.id}-docker"
}

resource "docker_container" "workspace" {
  count    = data.coder_workspace.me.start_count
  image    = "codercom/enterprise-base:ubuntu"
  name     = "coder-${data.coder_workspace_owner.me.name}-${lower(data.coder_workspace.me.name)}"
  hostname = data.coder_workspace.me.name
  command  = ["sh", "-c", coder_agent.main.init_script]
  env      = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
  runtime  = "sysbox-runc"
  volumes {
    container_path = "/home/coder"
    volume_name    = docker_volume.home_volume.name
    read_only      = false
  }
  volumes {
    container_path = "/var/lib/docker"
    volume_name    = docker_volume.docker_volume.name
  }
}

# A PVC named after the workspace: one per workspace.
resource "kubernetes_persistent_volume_claim" "docker" {
  metadata {
    name = "coder-${data.coder_workspace.me.id}-docker"
  }
  spec {
    access_modes = ["ReadWriteOnce"]
    resources {
      requests = {
        storage = "20Gi"
      }
    }
  }
}

resource "kubernetes_pod" "dev" {
  count = data.coder_workspace.me.start_count
  metadata {
    name = "coder-${data.coder_workspace.me.id}"
    annotations = {
      "io.kubernetes.cri-o.userns-mode" = "auto:size=65536"
    }
  }
  spec {
    runtime_class_name = "sysbox-runc"
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
      volume_mount {
        name       = "docker"
        mount_path = "/var/lib/docker"
      }
    }
    volume {
      name = "docker"
      persistent_volume_claim {
        claim_name = kubernetes_persistent_volume_claim.docker.metadata.0.name
      }
    }
  }
}

# envbox's data directories are TDL205's business (and envbox on Sysbox is TDL106's).
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
      volume_mount {
        name       = "docker"
        mount_path = "/var/lib/docker"
      }
    }
    volume {
      name = "docker"
      host_path {
        path = "/var/lib/docker"
      }
    }
  }
}

# Without Sysbox a host /var/lib/docker is another rule's concern.
resource "docker_container" "plain" {
  name  = "plain"
  image = "codercom/enterprise-base:ubuntu"
  volumes {
    host_path      = "/var/lib/docker"
    container_path = "/var/lib/docker"
  }
}
