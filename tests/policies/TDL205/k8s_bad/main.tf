resource "kubernetes_persistent_volume_claim" "home" {
  metadata {
    name = "home"
  }
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
  metadata {
    name = "coder-envbox"
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
        name       = "home"
        mount_path = "/var/lib/coder/docker"
        sub_path   = "docker"
      }
      volume_mount {
        name       = "home"
        mount_path = "/var/lib/docker"
        sub_path   = "docker/" # expect: TDL205
      }
      volume_mount {
        name       = "home"
        mount_path = "/home/coder"
        sub_path   = "home"
      }
      volume_mount {
        name       = "sysbox"
        mount_path = "/var/lib/sysbox"
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
      persistent_volume_claim {
        claim_name = "envbox-sysbox" # expect: TDL205
      }
    }
  }
}
