# Two device plugins, a workspace that asks for a name neither advertises (the hint lists what each one
# offers), and a plugin whose namespace is not known.
variable "plugin_namespace" {
  type = string
}

resource "kubernetes_daemon_set_v1" "fuse_plugin" {
  metadata {
    name      = "fuse-device-plugin"
    namespace = var.plugin_namespace
  }
  spec {
    selector {
      match_labels = {
        name = "fuse-device-plugin"
      }
    }
    template {
      metadata {
        labels = {
          name = "fuse-device-plugin"
        }
      }
      spec {
        node_selector = {
          "kubernetes.io/os" = "linux"
        }
        image_pull_secrets {
          name = "missing-secret" # expect: TDL302 note
        }
        container {
          name  = "fuse-device-plugin"
          image = "soolaugust/fuse-device-plugin:v1.0"
        }
      }
    }
  }
}

resource "aws_eks_node_group" "workspaces" {
  cluster_name  = "coder"
  node_role_arn = "arn:aws:iam::123456789012:role/nodes"
  subnet_ids    = ["subnet-0123"]
  labels = {
    "smarter-device-manager" = "enabled"
  }
  scaling_config {
    desired_size = 2
    max_size     = 4
    min_size     = 1
  }
}

resource "kubernetes_pod" "workspace" {
  metadata {
    name = "coder-podman"
  }
  spec {
    container {
      name  = "dev"
      image = "ghcr.io/coder/podman:ubuntu"
      resources {
        limits = {
          "example.com/fuse" = 1 # expect: TDL302
        }
      }
    }
  }
}
