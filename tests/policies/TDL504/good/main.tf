resource "kubernetes_pod" "dev" {
  metadata {
    name = "dev"
    annotations = {
      "io.kubernetes.cri-o.userns-mode" = "auto:size=65536"
    }
  }
  spec {
    runtime_class_name      = "sysbox-runc"
    share_process_namespace = false
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
    }
  }
}

# Not a Sysbox pod: sharing the PID namespace is its own business.
resource "kubernetes_pod" "debug" {
  metadata {
    name = "debug"
  }
  spec {
    share_process_namespace = true
    container {
      name  = "app"
      image = "nginx:1.27"
    }
  }
}
