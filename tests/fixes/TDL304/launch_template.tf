# An EKS node group on Bottlerocket through a launch template, and a Podman workspace.
locals {
  bottlerocket_settings = <<-EOT
    [settings.kubernetes]
    cluster-name = "coder"
  EOT
}

resource "aws_launch_template" "bottlerocket" {
  name_prefix = "coder-bottlerocket-"
  image_id    = "ami-0123456789abcdef0"
  user_data   = base64encode(local.bottlerocket_settings)
}

resource "kubernetes_pod" "workspace" {
  metadata {
    name = "coder-podman"
  }
  spec {
    container {
      name    = "dev"
      image   = "quay.io/podman/stable"
      command = ["sleep", "infinity"]
      resources {
        limits = {
          "github.com/fuse" = 1
        }
      }
    }
  }
}
