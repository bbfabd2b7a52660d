# Sysbox pods that get no user namespace.
resource "kubernetes_pod" "no_annotation" {
  metadata {
    name = "no-annotation"
  }
  spec {
    runtime_class_name = "sysbox-runc" # expect: TDL102
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
    }
  }
}

# The annotation is on the Deployment, not on the pods it creates.
resource "kubernetes_deployment_v1" "misplaced" {
  metadata {
    name = "misplaced"
    annotations = {
      "io.kubernetes.cri-o.userns-mode" = "auto:size=65536" # expect: TDL102
    }
  }
  spec {
    selector {
      match_labels = { app = "misplaced" }
    }
    template {
      metadata {
        labels = { app = "misplaced" }
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

resource "kubernetes_pod" "small" {
  metadata {
    name = "small"
    annotations = {
      "io.kubernetes.cri-o.userns-mode" = "auto:size=4096" # expect: TDL102
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

resource "kubernetes_pod" "host_mode" {
  metadata {
    name = "host-mode"
    annotations = {
      "io.kubernetes.cri-o.userns-mode" = "host" # expect: TDL102
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
