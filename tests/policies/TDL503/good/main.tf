variable "banner" {
  type = string
}

data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  dir  = "/home/coder"
  startup_script = <<-EOT
    #!/bin/bash
    cat > /tmp/motd <<MOTD
    Welcome to ${data.coder_workspace.me.name}
    MOTD
    (( count = 1 << 3 ))
    cat <<< "here-strings are not here-documents"
    sudo service docker start
  EOT
}

# Another interpreter: not read as shell.
resource "coder_script" "python" {
  agent_id     = coder_agent.main.id
  display_name = "python"
  script       = <<-EOT
    #!/usr/bin/env python3
    print(1 << 4)
  EOT
}

# An interpolation might render the terminator line itself: no finding.
resource "coder_script" "banner" {
  agent_id     = coder_agent.main.id
  display_name = "banner"
  script       = <<-EOT
    cat > /tmp/banner <<BANNER
    ${var.banner}
  EOT
}

# The seed's systemd pod: Terraform's <<EOF keeps the indentation the quoted delimiter expects.
resource "kubernetes_pod" "dev" {
  count = data.coder_workspace.me.start_count
  metadata {
    name = "coder-${data.coder_workspace.me.id}"
    annotations = {
      "io.kubernetes.cri-o.userns-mode" = "auto:size=65536"
    }
  }
  spec {
    runtime_class_name = "sysbox-runc"
    security_context {
      run_as_user = 0
      fs_group    = 0
    }
    container {
      name = "dev"
      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.main.token
      }
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", <<EOF
    sudo -u coder --preserve-env=CODER_AGENT_TOKEN /bin/bash -- <<-'    EOT' &
    ${coder_agent.main.init_script}
    EOT
    exec /sbin/init
    EOF
      ]
    }
  }
}

# The same pod with Terraform's <<-EOF and an unindented delimiter.
resource "kubernetes_pod" "trimmed" {
  metadata {
    name = "trimmed"
  }
  spec {
    runtime_class_name = "sysbox-runc"
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", <<-EOF
        sudo -u coder --preserve-env=CODER_AGENT_TOKEN /bin/bash -- <<-'EOT' &
        ${coder_agent.main.init_script}
        EOT
        exec /sbin/init
      EOF
      ]
    }
  }
}
