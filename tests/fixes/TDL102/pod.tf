resource "kubernetes_pod" "dev" {
  metadata {
    name = "dev"
    annotations = {
      "prometheus.io/scrape" = "false" # no metrics here
    }
  }
  spec {
    runtime_class_name = "sysbox-runc"
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
    }
  }
}
