# Called by two roots: one leaves the provider's version open (a note on its own), the other admits versions
# before 2.16.0 (a warning). The warning wins, whichever root comes first.
resource "kubernetes_pod" "dev" {
  metadata {
    name = "dev"
  }
  spec {
    runtime_class_name = "sysbox-runc" # expect: TDL003
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
    }
  }
}
