# kubernetes_manifest can say hostUsers = false, which containerd 2 honours.
resource "kubernetes_manifest" "dev" {
  manifest = {
    apiVersion = "v1"
    kind       = "Pod"
    metadata = {
      name      = "dev"
      namespace = "coder"
      annotations = {
        "io.kubernetes.cri-o.userns-mode" = "auto:size=65536"
      }
    }
    spec = {
      runtimeClassName = "sysbox-runc"
      hostUsers        = false
      containers = [{
        name  = "dev"
        image = "codercom/enterprise-base:ubuntu"
      }]
    }
  }
}

# Not a Sysbox pod.
resource "kubernetes_pod" "other" {
  metadata {
    name = "other"
    annotations = {
      "io.kubernetes.cri-o.userns-mode" = "auto:size=65536"
    }
  }
  spec {
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
    }
  }
}
