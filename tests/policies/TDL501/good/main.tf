# Modelled on the seed's systemd-in-Sysbox pod: root starts systemd, the agent runs as coder.
variable "user" {
  type = string
}

data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  dir  = "/home/coder"
}

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

# A non-root pod whose systemd container overrides the user with root.
resource "kubernetes_pod" "override" {
  metadata {
    name = "override"
  }
  spec {
    runtime_class_name = "sysbox-runc"
    security_context {
      run_as_user = 1000
    }
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["/sbin/init"]
      security_context {
        run_as_user = 0
      }
    }
  }
}

# No user in the template (the image decides) or an unknown one: no finding.
resource "kubernetes_pod" "image_user" {
  metadata {
    name = "image-user"
  }
  spec {
    runtime_class_name = "sysbox-runc"
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["/sbin/init"]
    }
  }
}

resource "docker_container" "unknown_user" {
  name    = "unknown-user"
  image   = "nestybox/ubuntu-jammy-systemd-docker"
  runtime = "sysbox-runc"
  user    = var.user
  command = ["/sbin/init"]
}

# Without systemd a non-root user is right: the seed's Sysbox pod runs as 1000.
resource "kubernetes_pod" "docker_only" {
  metadata {
    name = "docker-only"
  }
  spec {
    runtime_class_name = "sysbox-runc"
    security_context {
      run_as_user = 1000
    }
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.main.init_script]
    }
  }
}
