data "coder_workspace" "me" {}

resource "kubernetes_persistent_volume_claim" "docker" {
  metadata {
    name = "docker-cache"
  }
  spec {
    access_modes = ["ReadWriteMany"]
    resources {
      requests = {
        storage = "50Gi"
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
        claim_name = kubernetes_persistent_volume_claim.docker.metadata.0.name # expect: TDL105
      }
    }
  }
}
