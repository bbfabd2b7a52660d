data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  dir  = "/home/coder"
}

# The seed's systemd pod: sudo keeps the token with --preserve-env.
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
    # Start the Coder agent as the "coder" user
    # once systemd has started up
    sudo -u coder --preserve-env=CODER_AGENT_TOKEN /bin/bash -- <<-'    EOT' &
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

# Plain su and runuser -u keep the environment; -E keeps all of it; the token can be passed inline.
resource "docker_container" "variants" {
  name    = "variants"
  image   = "nestybox/ubuntu-jammy-systemd-docker"
  runtime = "sysbox-runc"
  env     = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
  command = ["sh", "-c", <<-EOF
    su coder -c '${coder_agent.main.init_script}' &
    runuser -u coder -- sh -c '${coder_agent.main.init_script}' &
    sudo -E -u coder sh -c '${coder_agent.main.init_script}' &
    sudo -u coder CODER_AGENT_TOKEN="$CODER_AGENT_TOKEN" sh -c '${coder_agent.main.init_script}' &
    sudo -u coder sh -c 'export CODER_AGENT_TOKEN=${coder_agent.main.token}; ${coder_agent.main.init_script}' &
    # sudo -u coder sh -c '${coder_agent.main.init_script}'   (a comment is not code)
    exec /sbin/init
  EOF
  ]
}

# An agent that authenticates with the instance identity needs no token.
resource "coder_agent" "gcp" {
  os   = "linux"
  arch = "amd64"
  auth = "google-instance-identity"
}

resource "docker_container" "instance_identity" {
  name    = "instance-identity"
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc"
  command = ["sh", "-c", "sudo -u coder sh -c '${coder_agent.gcp.init_script}'"]
}
