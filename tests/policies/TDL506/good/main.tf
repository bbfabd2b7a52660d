variable "host_users" {
  type = bool
}

resource "kubernetes_manifest" "unknown_users" {
  manifest = {
    apiVersion = "v1"
    kind       = "Pod"
    metadata = {
      name      = "unknown-users"
      namespace = "coder"
    }
    spec = {
      hostUsers   = var.host_users
      hostNetwork = true
      containers = [{
        name  = "debug"
        image = "busybox:1.36"
      }]
    }
  }
}
