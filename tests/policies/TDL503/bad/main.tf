data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  dir  = "/home/coder"
  # The closing line is indented with spaces: `<<-` strips tabs only.
  startup_script = <<-EOT
    cat > /tmp/motd <<-MOTD # expect: TDL503
      Welcome to ${data.coder_workspace.me.name}
      MOTD
    sudo service docker start
  EOT
}

# The seed's systemd pod rewritten with Terraform's <<-EOF: the rendered terminator is `EOT`.
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
      command = ["sh", "-c", <<-EOF
    # Start the Coder agent as the "coder" user
    # once systemd has started up
    sudo -u coder --preserve-env=CODER_AGENT_TOKEN /bin/bash -- <<-'    EOT' & # expect: TDL503
    while [[ ! $(systemctl is-system-running) =~ ^(running|degraded) ]]
    do
      echo "Waiting for system to start... $(systemctl is-system-running)"
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
