data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

# The seed's systemd pod with the seed's other security context (1000, for `sudo service docker start`).
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
      run_as_user = 1000
      fs_group    = 1000
    }
    container {
      name = "dev"
      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.main.token
      }
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", "${coder_agent.main.init_script} & exec /sbin/init"]
    }
  }
}

# The container overrides a root pod with a non-root user.
resource "kubernetes_pod" "override" {
  metadata {
    name = "override"
  }
  spec {
    runtime_class_name = "sysbox-runc"
    security_context {
      run_as_user = 0
    }
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["/sbin/init"]
      security_context {
        run_as_user = "1000"
      }
    }
  }
}

resource "kubernetes_pod" "non_root" {
  metadata {
    name = "non-root"
  }
  spec {
    runtime_class_name = "sysbox-runc"
    security_context {
      run_as_non_root = true
    }
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["/lib/systemd/systemd"]
    }
  }
}

resource "docker_container" "systemd" {
  name    = "systemd"
  image   = "nestybox/ubuntu-jammy-systemd-docker"
  runtime = "sysbox-runc"
  user    = "coder"
  command = ["/sbin/init"]
}
