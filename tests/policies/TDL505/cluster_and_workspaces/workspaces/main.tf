data "coder_workspace" "me" {}

resource "kubernetes_pod" "sandboxed" {
  metadata {
    name = "sandboxed-${data.coder_workspace.me.id}"
  }
  spec {
    runtime_class_name = "gvisor"
    node_selector = {
      sandbox = "runc" # expect: TDL505
    }
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
    }
  }
}

resource "kubernetes_pod" "dev" {
  metadata {
    name = "coder-${data.coder_workspace.me.id}"
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
