resource "kubernetes_pod" "dev" {
  metadata {
    name = "dev"
  }
  spec {
    runtime_class_name = "sysbox-runc"
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"

      security_context {
        # Docker runs inside the pod
        privileged = true
      }

      volume_mount {
        mount_path = "/home/coder"
        name       = "home"
      }
    }
    volume {
      name = "home"
      empty_dir {}
    }
  }
}
