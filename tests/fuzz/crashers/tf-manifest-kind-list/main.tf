resource "kubernetes_manifest" "x" {
  manifest = {
    kind       = [[""]]
    apiVersion = "node.k8s.io/v1"
    metadata   = { name = "sysbox-runc" }
    handler    = "sysbox-runc"
  }
}
