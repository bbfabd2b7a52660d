# RuntimeClasses, installers and pods as Terraform resources (kubernetes_manifest, kubernetes_daemon_set_v1,
# kubernetes_pod). Nothing here labels the nodes: an installer's own selector and labels do not.
resource "kubernetes_manifest" "sysbox_runtime_class" {
  manifest = {
    apiVersion = "node.k8s.io/v1"
    kind       = "RuntimeClass"
    metadata   = { name = "sysbox-runc" }
    handler    = "runc" # expect: TDL505
    scheduling = {
      nodeSelector = { "sysbox-runtime" = "yes" } # expect: TDL505
    }
  }
}

variable "gvisor_selector" {
  type = map(string)
}

# Not Sysbox, and its selector is not known: a pod that names it is not judged against it.
resource "kubernetes_manifest" "gvisor_runtime_class" {
  manifest = {
    apiVersion = "node.k8s.io/v1"
    kind       = "RuntimeClass"
    metadata   = { name = "gvisor" }
    handler    = "runsc"
    scheduling = {
      nodeSelector = var.gvisor_selector
    }
  }
}

resource "kubernetes_pod" "sandboxed" {
  metadata {
    name = "sandboxed"
  }
  spec {
    runtime_class_name = "gvisor"
    node_selector = {
      "kubernetes.io/arch" = "amd64"
    }
    container {
      name  = "app"
      image = "alpine:3.20"
    }
  }
}

# The first selector entry is not the RuntimeClass's; the second contradicts it.
resource "kubernetes_pod" "workspace" {
  metadata {
    name = "coder-workspace"
  }
  spec {
    runtime_class_name = "sysbox-runc"
    node_selector = {
      "kubernetes.io/arch" = "amd64"
      "sysbox-runtime"     = "running" # expect: TDL505
    }
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
    }
  }
}

resource "kubernetes_daemon_set_v1" "sysbox_installer" {
  metadata {
    name      = "sysbox-deploy-k8s"
    namespace = "kube-system"
  }
  spec {
    selector {
      match_labels = { "sysbox-install" = "yes" }
    }
    template {
      metadata {
        labels = { "sysbox-install" = "yes" }
      }
      spec {
        node_selector = {
          "sysbox-install" = "yes" # expect: TDL505 note
        }
        container {
          name  = "sysbox-deploy-k8s"
          image = "registry.nestybox.com/nestybox/sysbox-deploy-k8s:v0.6.5"
        }
      }
    }
  }
}

resource "kubernetes_manifest" "sysbox_installer_manifest" {
  manifest = {
    apiVersion = "apps/v1"
    kind       = "DaemonSet"
    metadata   = { name = "sysbox-deploy-k8s-2", namespace = "kube-system" }
    spec = {
      selector = { matchLabels = { "sysbox-install" = "yes" } }
      template = {
        metadata = { labels = { "sysbox-install" = "yes" } }
        spec = {
          nodeSelector = { "sysbox-install" = "yes" } # expect: TDL505 note
          containers   = [{ name = "sysbox-deploy-k8s", image = "registry.nestybox.com/nestybox/sysbox-deploy-k8s:v0.6.5" }]
        }
      }
    }
  }
}
