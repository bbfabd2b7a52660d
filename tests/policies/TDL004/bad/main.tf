# Names built from Coder names that may hold upper case ("Alice"), as in the seed's Kubernetes examples.
data "coder_workspace" "me" {}
data "coder_workspace_owner" "me" {}

data "coder_parameter" "project" {
  name    = "project"
  type    = "string"
  default = "Demo"
}

locals {
  pod_name = "coder-${data.coder_workspace_owner.me.name}-${data.coder_workspace.me.name}"
  labels   = { "app.kubernetes.io/name" = "coder-workspace" }
}

resource "kubernetes_pod" "seed" {
  count = data.coder_workspace.me.start_count
  metadata {
    name      = "coder-${data.coder_workspace.me.owner}-${data.coder_workspace.me.name}" # expect: TDL004
    namespace = "coder"
  }
  spec {
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
    }
    volume {
      name = "home"
      persistent_volume_claim {
        claim_name = "home-${data.coder_workspace_owner.me.name}" # expect: TDL004
      }
    }
  }
}

resource "kubernetes_persistent_volume_claim_v1" "home" {
  metadata {
    name   = local.pod_name # expect: TDL004
    labels = local.labels
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
    generate_name = "${data.coder_parameter.project.value}-" # expect: TDL004
  }
  spec {
    replicas = data.coder_workspace.me.start_count
    selector {
      match_labels = local.labels
    }
    template {
      metadata {
        labels = local.labels
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

resource "kubernetes_manifest" "config" {
  manifest = {
    apiVersion = "v1"
    kind       = "ConfigMap"
    metadata = {
      name      = format("%s-config", data.coder_workspace.me.name) # expect: TDL004
      namespace = "coder"
    }
    data = { owner = data.coder_workspace.me.owner }
  }
}

# A pod written as a manifest: `generateName`, and a claim name inside the `volumes` list.
resource "kubernetes_manifest" "pod" {
  manifest = {
    apiVersion = "v1"
    kind       = "Pod"
    metadata = {
      generateName = "coder-${data.coder_workspace.me.name}-" # expect: TDL004
      namespace    = "coder"
    }
    spec = {
      containers = [{ name = "dev", image = "codercom/enterprise-base:ubuntu" }]
      volumes = [{
        name                  = "home"
        persistentVolumeClaim = { claimName = "home-${data.coder_workspace.me.name}" } # expect: TDL004
      }]
    }
  }
}
