data "coder_workspace" "me" {}
data "coder_workspace_owner" "me" {}

data "coder_parameter" "project" {
  name    = "project"
  type    = "string"
  default = "Demo"
}

# The home volume keeps its name: renaming it would replace it (no fix there).
resource "kubernetes_persistent_volume_claim_v1" "home" {
  metadata {
    name = "home-${data.coder_workspace_owner.me.name}" # the owner's home
  }
  spec {
    access_modes = ["ReadWriteOnce"]
    resources {
      requests = { storage = "10Gi" }
    }
  }
}

resource "kubernetes_deployment_v1" "project" {
  metadata {
    # one Deployment per project
    generate_name = "${lower(data.coder_parameter.project.value)}-"  # stays unique
    namespace     = "coder"
  }
  spec {
    replicas = data.coder_workspace.me.start_count
    selector {
      match_labels = { app = "project" }
    }
    template {
      metadata {
        labels = { app = "project" }
      }
      spec {
        container {
          name  = "dev"
          image = "codercom/enterprise-base:ubuntu"
        }
      }
    }
  }
}
