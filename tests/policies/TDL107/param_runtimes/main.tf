# runtimes: [sysbox-custom]: a pod on the configured Sysbox RuntimeClass whose only user namespace is CRI-O's annotation.
resource "kubernetes_pod" "dev" {
  metadata {
    name = "dev"
    annotations = {
      "io.kubernetes.cri-o.userns-mode" = "auto:size=65536" # expect: TDL107
    }
  }
  spec {
    runtime_class_name = "sysbox-custom"
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
    }
  }
}

# the default name is no longer Sysbox's for this team
resource "kubernetes_pod" "default_name" {
  metadata {
    name = "dev-default-name"
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
  }
}
