# Names that are not references to declarations: iterators, built-ins, provider aliases, addresses.
terraform {
  required_providers {
    kubernetes = {
      source                = "hashicorp/kubernetes"
      configuration_aliases = [kubernetes.west]
    }
  }
}

variable "extra_env" {
  type    = map(string)
  default = {}
}

variable "ports" {
  type    = list(object({ name = string, port = number }))
  default = []
}

data "coder_workspace" "me" {}

locals {
  names  = [for p in var.ports : p.name]
  by_key = { for k, v in var.extra_env : k => v if v != "" }
  script = <<-EOT
    %{for p in var.ports~}
    echo ${p.name} ${p.port}
    %{endfor~}
    echo "$${HOME} ${path.module} ${terraform.workspace}"
  EOT
}

resource "kubernetes_pod" "main" {
  provider = kubernetes.west
  count    = data.coder_workspace.me.start_count
  metadata {
    name = "coder-${count.index}"
  }
  spec {
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
      dynamic "env" {
        for_each = var.extra_env
        content {
          name  = env.key
          value = env.value
        }
      }
      dynamic "port" {
        for_each = var.ports
        iterator = p
        content {
          container_port = p.value.port
          name           = "${p.value.name}-${local.names[0]}"
        }
      }
    }
  }
  lifecycle {
    ignore_changes = [metadata[0].annotations]
  }
}

resource "kubernetes_service" "svc" {
  for_each = local.by_key
  metadata {
    name = each.key
  }
}

moved {
  from = kubernetes_pod.old
  to   = kubernetes_pod.main
}
