resource "kubernetes_runtime_class_v1" "sysbox" {
  metadata {
    name = "sysbox-runc"
  }
  handler = "runc" # copied from the runc class
}
