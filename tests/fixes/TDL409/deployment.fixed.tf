resource "kubernetes_deployment_v1" "dind" {
  metadata {
    name = "coder-dind"
  }
  spec {
    selector {
      match_labels = { app = "dind" }
    }
    template {
      metadata {
        labels = { app = "dind" }
      }
      spec {
        # the daemon for the workspace's builds
        container {
          name  = "dind"
          image = "docker:27-dind"
          security_context {
            privileged = true
          }
          volume_mount {
            name       = "dind-data-root"
            mount_path = "/var/lib/docker"
          }
        }
        volume {
          name = "dind-data-root"
          empty_dir {}
        }
      }
    }
  }
}
