# The workspace mounts a cache before its home; only the home holds the folder, and only it is copied.
data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_devcontainer" "repo" {
  count            = data.coder_workspace.me.start_count
  agent_id         = coder_agent.main.id
  workspace_folder = "/home/coder/project"
}

resource "kubernetes_pod" "workspace" {
  count = data.coder_workspace.me.start_count
  metadata {
    name = "coder-${data.coder_workspace.me.id}"
  }
  spec {
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.main.init_script]
      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.main.token
      }
      env {
        name  = "DOCKER_HOST"
        value = "tcp://localhost:2375"
      }
      volume_mount {
        name       = "cache"
        mount_path = "/var/cache/apt"
      }
      volume_mount {
        name       = "home"
        mount_path = "/home/coder"
      }
    }
    container {
      name  = "dind"
      image = "docker:27-dind"
      # tfdind-lint: ignore[TDL401] -- the dind sidecar of this template
      security_context {
        privileged = true
      }
      env {
        name  = "DOCKER_TLS_CERTDIR"
        value = ""
      }
      volume_mount {
        name       = "docker"
        mount_path = "/var/lib/docker"
      }
      volume_mount {
        name       = "home"
        mount_path = "/home/coder"
      }
    }
    volume {
      name = "docker"
      empty_dir {}
    }
    volume {
      name = "cache"
      empty_dir {}
    }
    volume {
      name = "home"
      persistent_volume_claim {
        claim_name = "coder-${data.coder_workspace.me.id}-home"
      }
    }
  }
}
