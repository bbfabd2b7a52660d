# The seed pins exactly 2.16.0 (a bare version means "="), and later-only ranges are fine too.
terraform {
  required_providers {
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = "2.16.0"
    }
  }
}

resource "kubernetes_pod" "dev" {
  metadata {
    name = "dev"
  }
  spec {
    runtime_class_name = "sysbox-runc"
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
    }
  }
}

resource "kubernetes_cron_job_v1" "cleanup" {
  metadata {
    name = "cleanup"
  }
  spec {
    schedule = "0 3 * * *"
    job_template {
      metadata {}
      spec {
        template {
          metadata {}
          spec {
            runtime_class_name = "sysbox-runc"
            container {
              name  = "cleanup"
              image = "busybox:1.36"
            }
          }
        }
      }
    }
  }
}
