# The node label comes from the managed node group (the seed's advice for EKS, AKS, GKE).
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
