# Several workloads in one template: the ones skipped come first, so a skip that stopped the
# whole loop would lose the pod below.
data "coder_workspace" "me" {}

# Sysbox on Docker sets up the user namespace itself
resource "docker_container" "sysbox" {
  name    = "sysbox-${data.coder_workspace.me.id}"
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc"
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
