resource "kubernetes_pod" "main" {
  metadata {
    name = "coder-podman"
  }
  spec {
    container {
      name  = "dev"
      image = "quay.io/podman/stable"
      resources {
        requests = {
          "github.com/fuse" = 1 # one FUSE device
          cpu               = "500m"
        }
        limits = {
          "github.com/fuse" = 1
        }
      }
    }
  }
}
