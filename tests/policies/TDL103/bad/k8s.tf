# The runtime class is per pod: a privileged sidecar runs under Sysbox too.
resource "kubernetes_pod" "dev" {
  metadata {
    name = "dev"
    annotations = {
      "io.kubernetes.cri-o.userns-mode" = "auto:size=65536"
    }
  }
  spec {
    runtime_class_name = "sysbox-runc"
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
    }
    container {
      name  = "helper"
      image = "alpine:3.20"
      security_context {
        privileged = true # expect: TDL103
      }
    }
  }
}
