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
        container {
          name  = "dev"
          image = "codercom/enterprise-base:ubuntu"
        }
      }
    }
  }
}
