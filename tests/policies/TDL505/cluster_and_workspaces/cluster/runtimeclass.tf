# kubernetes_runtime_class_v1 has no `scheduling`: Sysbox pods are not kept off nodes without Sysbox.
resource "kubernetes_runtime_class_v1" "sysbox" { # expect: TDL505
  metadata {
    name = "sysbox-runc"
  }
  handler = "runc" # expect: TDL505
}
