terraform {
  required_providers {
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = ">= 2.16.0"
    }
  }
}

resource "coder_agent" "main" {
  os             = "linux"
  arch           = "amd64"
  startup_script = "sudo service docker start"
}

resource "kubernetes_deployment" "dev" {
  metadata {
    name = "dev"
  }
  spec {
    replicas = 1
    template {
      metadata {
        annotations = {
          "io.kubernetes.cri-o.userns-mode" = "auto:size=65536"
        }
      }
      spec { # expect: TDL101
        container {
          name    = "dev"
          image   = "codercom/enterprise-base:ubuntu"
          command = ["sh", "-c", coder_agent.main.init_script]
        }
      }
    }
  }
}
