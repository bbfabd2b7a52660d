# A plain Kubernetes workspace (no runtime class, no sidecar) with a dev container: nothing runs dockerd.
terraform {
  required_providers {
    coder      = { source = "coder/coder", version = ">= 2.3.0" }
    kubernetes = { source = "hashicorp/kubernetes" }
  }
}

data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_devcontainer" "repo" {
  count            = data.coder_workspace.me.start_count
  agent_id         = coder_agent.main.id # expect: TDL601
  workspace_folder = "/home/coder/project"
}

resource "kubernetes_deployment" "workspace" {
  count = data.coder_workspace.me.start_count
  metadata {
    name = "coder-${data.coder_workspace.me.id}"
  }
  spec {
    replicas = 1
    selector {
      match_labels = { app = "coder" }
    }
    template {
      metadata {
        labels = { app = "coder" }
      }
      spec {
        container {
          name    = "dev"
          image   = "codercom/enterprise-base:ubuntu"
          command = ["sh", "-c", coder_agent.main.init_script]
          env {
            name  = "CODER_AGENT_TOKEN"
            value = coder_agent.main.token
          }
        }
      }
    }
  }
}
