# ConfigMaps and Secrets as Terraform resources (kubernetes_config_map_v1, kubernetes_secret_v1,
# kubernetes_manifest), the plugin as the provider's older `kubernetes_daemonset`, its node label set
# by a kubectl command.

# smarter-device-manager's configuration: in scope, and it matches no fuse device.
resource "kubernetes_config_map_v1" "sdm" {
  metadata {
    name      = "sdm-config"
    namespace = "kube-system"
  }
  data = {
    "conf.yaml" = <<-EOT
      - devicematch: ^nvidia[0-9]*$
        nummaxdevices: 1
    EOT
  }
}

# No `data` (binary_data only), and a name nothing pulls: it matches nothing.
resource "kubernetes_config_map" "firmware" {
  metadata {
    name      = "firmware"
    namespace = "kube-system"
  }
  binary_data = {
    "blob.bin" = "AAEC"
  }
}

# Another Secret's name: the plugin's `registry-secret` is still missing.
resource "kubernetes_secret_v1" "other" {
  metadata {
    name      = "other-secret"
    namespace = "kube-system"
  }
  data = {
    token = "x"
  }
}

# A namespace the tool cannot know: it may be the plugin's, so the pull is not reported.
variable "secrets_namespace" {
  type = string
}

resource "kubernetes_secret" "mirror" {
  metadata {
    name      = "mirror-secret"
    namespace = var.secrets_namespace
  }
  data = {
    ".dockerconfigjson" = "{}"
  }
}

# A Secret written as a kubernetes_manifest: it counts like the others.
resource "kubernetes_manifest" "cache_secret" {
  manifest = {
    apiVersion = "v1"
    kind       = "Secret"
    metadata = {
      name      = "cache-secret"
      namespace = "kube-system"
    }
    data = {
      ".dockerconfigjson" = "e30="
    }
  }
}

locals {
  pull_secret = "registry-secret"
}

resource "null_resource" "label_nodes" {
  provisioner "local-exec" {
    command = "kubectl label nodes --all smarter-device-manager=enabled"
  }
}

resource "kubernetes_daemonset" "smarter_device_manager" {
  metadata {
    name      = "smarter-device-manager"
    namespace = "kube-system"
  }
  spec {
    selector {
      match_labels = {
        name = "smarter-device-manager"
      }
    }
    template {
      metadata {
        labels = {
          name = "smarter-device-manager"
        }
      }
      spec {
        node_selector = {
          "smarter-device-manager" = "enabled"
        }
        image_pull_secrets {
          name = local.pull_secret # expect: TDL302 note
        }
        image_pull_secrets {
          name = "mirror-secret"
        }
        image_pull_secrets {
          name = "cache-secret"
        }
        container {
          name  = "smarter-device-manager"
          image = "registry.gitlab.com/arm-research/smarter/smarter-device-manager/smarter-device-manager:v1.20.11"
          volume_mount {
            name       = "config"
            mount_path = "/root/config"
          }
        }
        volume {
          name = "config"
          config_map {
            name = "sdm-config"
          }
        }
      }
    }
  }
}

resource "kubernetes_pod" "workspace" {
  metadata {
    name = "coder-podman"
  }
  spec {
    container {
      name  = "dev"
      image = "ghcr.io/coder/podman:ubuntu"
      resources {
        limits = {
          "smarter-devices/fuse" = 1 # expect: TDL302
        }
      }
    }
  }
}
