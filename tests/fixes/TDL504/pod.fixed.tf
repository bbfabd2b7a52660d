resource "kubernetes_pod" "dev" {
  metadata {
    name = "dev"
    annotations = {
      "io.kubernetes.cri-o.userns-mode" = "auto:size=65536"
    }
  }
  spec {
    runtime_class_name      = "sysbox-runc"
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
    }
    container {
      name  = "sidecar"
      image = "busybox:1.36"
    }
  }
}
