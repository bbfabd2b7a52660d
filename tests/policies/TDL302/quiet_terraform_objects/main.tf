# smarter-device-manager's ConfigMap and the plugin's pull Secret as Terraform resources: the plugin
# advertises smarter-devices/fuse and its pull secret is defined, so nothing is reported.
resource "kubernetes_config_map_v1" "smarter_device_manager" {
  metadata {
    name      = "smarter-device-manager"
    namespace = "kube-system"
  }
  data = {
    "conf.yaml" = <<-EOT
      - devicematch: ^fuse$
        nummaxdevices: 20
    EOT
  }
}

resource "kubernetes_secret" "registry" {
  metadata {
    name      = "registry-secret"
    namespace = "kube-system"
  }
  type = "kubernetes.io/dockerconfigjson"
  data = {
    ".dockerconfigjson" = var.registry_config
  }
}

variable "registry_config" {
  type      = string
  sensitive = true
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
          "smarter-devices/fuse" = 1
        }
      }
    }
  }
}
