# The seed's Sysbox-on-Kubernetes pod: the annotation is on the pod's metadata.
variable "workspaces_namespace" {
  default = "coder-namespace"
}

variable "extra_annotations" {
  type    = map(string)
  default = {}
}

variable "userns_mode" {
  type = string
}

locals {
  sysbox_annotations = {
    "io.kubernetes.cri-o.userns-mode" = "auto:size=65536"
  }
}

data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os             = "linux"
  arch           = "amd64"
  startup_script = "sudo service docker start"
}

resource "kubernetes_pod" "dev" {
  count = data.coder_workspace.me.start_count
  metadata {
    name      = "coder-${data.coder_workspace.me.id}"
    namespace = var.workspaces_namespace
    annotations = {
      "io.kubernetes.cri-o.userns-mode" = "auto:size=65536"
    }
  }
  spec {
    runtime_class_name = "sysbox-runc"
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.main.init_script]
    }
  }
}

# Annotations through a local the tool can read.
resource "kubernetes_pod" "from_local" {
  metadata {
    name        = "from-local"
    annotations = local.sysbox_annotations
  }
  spec {
    runtime_class_name = "sysbox-runc"
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
    }
  }
}

# A merge() with a variable the tool cannot know may carry the annotation: no finding.
resource "kubernetes_pod" "merged" {
  metadata {
    name        = "merged"
    annotations = merge(var.extra_annotations, { "example.com/team" = "dev" })
  }
  spec {
    runtime_class_name = "sysbox-runc"
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
    }
  }
}

# An unknown annotation value is not a bad one.
resource "kubernetes_pod" "unknown_value" {
  metadata {
    name = "unknown-value"
    annotations = {
      "io.kubernetes.cri-o.userns-mode" = var.userns_mode
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

# A Deployment with the annotation on its pod template.
resource "kubernetes_deployment" "pool" {
  metadata {
    name = "pool"
  }
  spec {
    selector {
      match_labels = { app = "pool" }
    }
    template {
      metadata {
        labels = { app = "pool" }
        annotations = {
          "io.kubernetes.cri-o.userns-mode" = "auto:size=131072"
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
  }
}

# Not a Sysbox pod.
resource "kubernetes_pod" "plain" {
  metadata {
    name = "plain"
  }
  spec {
    container {
      name  = "web"
      image = "nginx:1.27"
    }
  }
}
