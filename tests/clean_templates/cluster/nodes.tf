# The nodes the installer should run on get its label.
resource "kubernetes_labels" "sysbox_nodes" {
  for_each    = toset(["worker-1", "worker-2"])
  api_version = "v1"
  kind        = "Node"
  metadata {
    name = each.key
  }
  labels = {
    "sysbox-install" = "yes"
  }
}
