resource "kubernetes_deployment" "dev" {
  metadata {
    name = "dev"
  }
  spec {
    replicas = 1
    selector {
      match_labels = { app = "dev" }
    }
    template {
      metadata {
        labels = { app = "dev" }
      }
      spec {
        runtime_class_name = "sysbox-runc"
        host_network       = true
        host_ipc           = true # shared memory with the host
        container {
          name  = "dev"
          image = "codercom/enterprise-base:ubuntu"
        }
      }
    }
  }
}
