# A CNI agent on every node, written with the hashicorp/kubernetes provider: privileged, on the host's
# network, with the host's CNI directories. Ordinary cluster infrastructure, not a Coder workspace.
terraform {
  required_providers {
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = "~> 2.30"
    }
  }
}

variable "namespace" {
  type    = string
  default = "kube-system"
}

resource "kubernetes_daemon_set_v1" "cni" {
  metadata {
    name      = "cni-node"
    namespace = var.namespace
  }
  spec {
    selector {
      match_labels = { app = "cni-node" }
    }
    template {
      metadata {
        labels = { app = "cni-node" }
      }
      spec {
        host_network = true
        container {
          name  = "cni"
          image = "docker.io/calico/node:v3.28.0"
          security_context {
            privileged = true
            capabilities {
              add = ["NET_ADMIN", "SYS_ADMIN"]
            }
          }
          volume_mount {
            name       = "cni-bin"
            mount_path = "/host/opt/cni/bin"
          }
          volume_mount {
            name       = "run"
            mount_path = "/var/run"
          }
        }
        volume {
          name = "cni-bin"
          host_path {
            path = "/opt/cni/bin"
          }
        }
        volume {
          name = "run"
          host_path {
            path = "/var/run"
          }
        }
      }
    }
  }
}
