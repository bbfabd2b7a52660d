terraform {
  required_providers {
    coder = {
      source = "coder/coder"
    }
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = ">= 2.16.0"
    }
  }
}

variable "namespace" {
  type    = string
  default = "coder-workspaces"
}

data "coder_workspace" "me" {}
data "coder_workspace_owner" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  dir  = "/home/coder"
}

resource "kubernetes_pod" "main" {
  count = data.coder_workspace.me.start_count
  metadata {
    name      = "coder-${lower(data.coder_workspace_owner.me.name)}-${lower(data.coder_workspace.me.name)}"
    namespace = var.namespace
    annotations = {
      "io.kubernetes.cri-o.userns-mode" = "auto:size=65536"
    }
  }
  spec {
    runtime_class_name = "sysbox-runc"
    # systemd must start as root; Sysbox maps that root to an unprivileged host user.
    security_context {
      run_as_user = 0
      fs_group    = 0
    }
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.main.token
      }
      # The agent waits for systemd, then runs as coder with the token kept.
      command = ["sh", "-c", <<-EOF
        sudo -u coder --preserve-env=CODER_AGENT_TOKEN /bin/bash -- <<-'EOT' &
        while [[ ! $(systemctl is-system-running) =~ ^(running|degraded) ]]
        do
          echo "Waiting for systemd... $(systemctl is-system-running)"
          sleep 2
        done
        ${coder_agent.main.init_script}
        EOT

        exec /sbin/init
      EOF
      ]
    }
  }
}
