# Coder's Kubernetes templates wrap the names in lower(); ids, replace()/regex() and hashes are fine too.
variable "use_id" {
  default = true
}

data "coder_workspace" "me" {}
data "coder_workspace_owner" "me" {}

locals {
  owner = lower(data.coder_workspace_owner.me.name)
  base  = "coder-${data.coder_workspace.me.name}"
}

resource "kubernetes_pod" "main" {
  count = data.coder_workspace.me.start_count
  metadata {
    name      = "coder-${lower(data.coder_workspace_owner.me.name)}-${lower(data.coder_workspace.me.name)}"
    namespace = "coder"
    labels = {
      # labels are not object names: a Coder name is fine here
      "com.coder.user.username" = data.coder_workspace_owner.me.name
    }
  }
  spec {
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
    }
    volume {
      name = "home"
      persistent_volume_claim {
        claim_name = "coder-${data.coder_workspace.me.id}-home"
      }
    }
  }
}

resource "kubernetes_persistent_volume_claim_v1" "home" {
  metadata {
    name = "coder-${local.owner}-${md5(data.coder_workspace.me.name)}"
  }
  spec {
    access_modes = ["ReadWriteOnce"]
    resources {
      requests = { storage = "10Gi" }
    }
  }
}

resource "kubernetes_secret_v1" "token" {
  metadata {
    name = lower(local.base)
  }
}

resource "kubernetes_service_v1" "svc" {
  metadata {
    name = replace(data.coder_workspace.me.name, "/[^a-z0-9-]/", "")
  }
  spec {
    selector = { app = "dev" }
  }
}

resource "kubernetes_config_map_v1" "settings" {
  metadata {
    # the condition is known: the name is built from the id
    name = var.use_id ? "coder-${data.coder_workspace.me.id}" : data.coder_workspace.me.name
  }
}

# Docker container names may hold upper case: not this rule's business
resource "docker_container" "workspace" {
  name  = "coder-${data.coder_workspace_owner.me.name}-${data.coder_workspace.me.name}"
  image = "codercom/enterprise-base:ubuntu"
}

# The owner's id is a lower-case UUID.
resource "kubernetes_secret_v1" "owner_token" {
  metadata {
    name = "coder-${data.coder_workspace_owner.me.id}"
  }
}
