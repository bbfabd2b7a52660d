resource "kubernetes_manifest" "gvisor" {
  manifest = {
    apiVersion = "node.k8s.io/v1"
    kind       = "RuntimeClass"
    metadata = {
      name = "gvisor"
    }
    handler = "runsc"
    scheduling = {
      nodeSelector = {
        sandbox = "gvisor"
      }
    }
  }
}
