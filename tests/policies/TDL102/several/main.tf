# Several workloads in one template: the ones skipped come first, so a skip that stopped the
# whole loop would lose the pod below.
data "coder_workspace" "me" {}

# Sysbox on Docker sets up the user namespace itself
resource "docker_container" "sysbox" {
  name    = "sysbox-${data.coder_workspace.me.id}"
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc"
}

variable "extra_annotations" {
  type = map(string)
}

# annotations the tool cannot read may carry the userns one
resource "kubernetes_pod" "merged_annotations" {
  metadata {
    name        = "merged"
    annotations = merge(var.extra_annotations, { "example.com/team" = "platform" })
  }
  spec {
    runtime_class_name = "sysbox-runc"
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
    }
  }
}

resource "kubernetes_pod" "no_annotations" {
  metadata {
    name = "no-annotations"
  }
  spec {
    runtime_class_name = "sysbox-runc" # expect: TDL102
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
    }
  }
}

# the _v1 resource is a pod too (the message says "pod", not "pod template")
resource "kubernetes_pod_v1" "v1" {
  metadata {
    name = "v1"
  }
  spec {
    runtime_class_name = "sysbox-runc" # expect: TDL102
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
    }
  }
}
