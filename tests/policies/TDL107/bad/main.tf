# The seed's Sysbox pod: correct on CRI-O nodes, no user namespace on containerd 2 nodes.
resource "kubernetes_pod" "dev" {
  metadata {
    name = "dev"
    annotations = {
      "io.kubernetes.cri-o.userns-mode" = "auto:size=65536" # expect: TDL107
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

resource "kubernetes_manifest" "dev" {
  manifest = {
    apiVersion = "v1"
    kind       = "Pod"
    metadata = {
      name      = "dev-manifest"
      namespace = "coder"
      annotations = {
        "io.kubernetes.cri-o.userns-mode" = "auto:size=65536" # expect: TDL107
      }
    }
    spec = {
      runtimeClassName = "sysbox-runc"
      containers = [{
        name  = "dev"
        image = "codercom/enterprise-base:ubuntu"
      }]
    }
  }
}
