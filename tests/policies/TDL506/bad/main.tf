resource "kubernetes_manifest" "debugger" {
  manifest = {
    apiVersion = "v1"
    kind       = "Pod"
    metadata = {
      name      = "debugger"
      namespace = "coder"
    }
    spec = {
      hostUsers   = false
      hostNetwork = true # expect: TDL506
      containers = [{
        name  = "debug"
        image = "busybox:1.36"
      }]
    }
  }
}
