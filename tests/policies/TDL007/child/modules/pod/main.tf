# No terraform block: the child shares the root's hashicorp/kubernetes, which the root pins.
resource "kubernetes_pod_v1" "dev" {
  metadata {
    name = "dev"
  }
  spec {
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
    }
  }
}
