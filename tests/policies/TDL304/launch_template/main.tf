# An EKS node group on Bottlerocket through a launch template, and a Podman workspace.
locals {
  bottlerocket_settings = <<-EOT
    [settings.kubernetes]
    api-server = "https://example.eks.amazonaws.com"
    cluster-name = "coder"

    [settings.kernel]
    lockdown = "integrity"
  EOT
}

resource "aws_launch_template" "bottlerocket" {
  name_prefix = "coder-bottlerocket-"
  image_id    = "ami-0123456789abcdef0"
  user_data   = base64encode(local.bottlerocket_settings) # expect: TDL304
}

# Shell user data: not Bottlerocket, nothing to say.
resource "aws_launch_template" "al2023" {
  name_prefix = "coder-al2023-"
  user_data   = base64encode("#!/bin/bash\necho hello\n")
}

variable "max_user_namespaces" {
  type = string
}

# A value the tool cannot know.
resource "aws_launch_template" "variable" {
  name_prefix = "coder-variable-"
  user_data = base64encode(<<-EOT
    [settings.kernel.sysctl]
    "user.max_user_namespaces" = "${var.max_user_namespaces}"
  EOT
  )
}

resource "coder_agent" "dev" {
  os             = "linux"
  arch           = "amd64"
  startup_script = "podman info"
}

resource "kubernetes_pod" "workspace" {
  metadata {
    name = "coder-podman"
    annotations = {
      "container.apparmor.security.beta.kubernetes.io/dev" = "unconfined"
    }
  }
  spec {
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.dev.init_script]
      resources {
        limits = {
          "github.com/fuse" = 1
        }
      }
    }
  }
}
