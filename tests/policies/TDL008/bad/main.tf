# Used, and declared first: the unused ones after it are still reported.
variable "region" {
  default = "eu-west-1"
}

# The seed's privileged-sidecar example: declared as workspaces_namespace, used as var.namespace.
variable "workspaces_namespace" { # expect: TDL008
  default = "coder-namespace"
}

# used only by its own validation: still unused
variable "image" { # expect: TDL008
  type    = string
  default = "codercom/enterprise-base:ubuntu"
  validation {
    condition     = length(var.image) > 0
    error_message = "Set an image."
  }
}

data "coder_workspace" "me" {}

resource "kubernetes_pod" "main" {
  count = data.coder_workspace.me.start_count
  metadata {
    name      = "coder-${data.coder_workspace.me.id}-${var.region}"
    namespace = var.namespace
  }
  spec {
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
    }
  }
}
