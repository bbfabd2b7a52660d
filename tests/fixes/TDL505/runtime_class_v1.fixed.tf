resource "kubernetes_runtime_class_v1" "sysbox" {
  metadata {
    name = "sysbox-runc"
  }
  handler = "sysbox-runc" # copied from the runc class
}
