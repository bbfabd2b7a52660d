# Declared without a source: Terraform still assumes hashicorp/coder and hashicorp/docker.
terraform {
  required_providers {
    coder = { # expect: TDL007 error
      version = ">= 2.0.0"
    }
    docker     = "~> 3.0" # expect: TDL007 error
    kubernetes = { version = ">= 2.16.0" }
  }
}

resource "coder_agent" "main" {
  arch = "amd64"
  os   = "linux"
}

resource "docker_image" "base" {
  name = "codercom/enterprise-base:ubuntu"
}

resource "kubernetes_namespace_v1" "workspaces" {
  metadata {
    name = "workspaces"
  }
}
