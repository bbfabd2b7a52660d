# Workloads written as kubernetes_manifest: a Deployment and a StatefulSet whose `replicas` follow
# start_count stay quiet; a Pod that ignores it is reported, the hint naming this template's data source.
data "coder_workspace" "this" {}

resource "coder_agent" "main" {
  arch = "amd64"
  os   = "linux"
}

resource "kubernetes_manifest" "deployment" {
  manifest = {
    apiVersion = "apps/v1"
    kind       = "Deployment"
    metadata   = { name = "coder-deployment", namespace = "coder" }
    spec = {
      replicas = data.coder_workspace.this.start_count
      selector = { matchLabels = { app = "coder" } }
      template = {
        metadata = { labels = { app = "coder" } }
        spec = {
          containers = [{
            name    = "dev"
            image   = "codercom/enterprise-base:ubuntu"
            command = ["sh", "-c", coder_agent.main.init_script]
          }]
        }
      }
    }
  }
}

resource "kubernetes_manifest" "statefulset" {
  manifest = {
    apiVersion = "apps/v1"
    kind       = "StatefulSet"
    metadata   = { name = "coder-statefulset", namespace = "coder" }
    spec = {
      replicas    = data.coder_workspace.this.start_count
      serviceName = "coder"
      selector    = { matchLabels = { app = "coder-sts" } }
      template = {
        metadata = { labels = { app = "coder-sts" } }
        spec = {
          containers = [{
            name    = "dev"
            image   = "codercom/enterprise-base:ubuntu"
            command = ["sh", "-c", coder_agent.main.init_script]
          }]
        }
      }
    }
  }
}

resource "kubernetes_manifest" "pod" { # expect: TDL005
  manifest = {
    apiVersion = "v1"
    kind       = "Pod"
    metadata   = { name = "coder-pod", namespace = "coder" }
    spec = {
      containers = [{
        name    = "dev"
        image   = "codercom/enterprise-base:ubuntu"
        command = ["sh", "-c", coder_agent.main.init_script]
      }]
    }
  }
}
