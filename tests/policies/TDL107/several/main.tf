# Several Sysbox workloads; the ones this rule skips come first.
data "coder_workspace" "me" {}

# Sysbox on Docker: no pod, no annotation
resource "docker_container" "sysbox" {
  name    = "sysbox-${data.coder_workspace.me.id}"
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc"
}

# hostUsers = false: the user namespace does not rest on the annotation
resource "kubernetes_manifest" "host_users" {
  manifest = {
    apiVersion = "v1"
    kind       = "Pod"
    metadata = {
      name = "host-users"
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

# no annotation: TDL102's finding, not this one's
resource "kubernetes_pod" "no_annotation" {
  metadata {
    name = "no-annotation"
  }
  spec {
    runtime_class_name = "sysbox-runc"
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
    }
  }
}

# a manifest that could say hostUsers = false, and does not
resource "kubernetes_manifest" "annotation_only" {
  manifest = {
    apiVersion = "v1"
    kind       = "Pod"
    metadata = {
      name = "annotation-only"
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
