# The workspace keeps /home/coder on a claim, the sidecar mounts an emptyDir at the same path: the same path,
# not the same files. A mount whose path is a variable comes first.
data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

variable "cache_path" {
  type = string
}

resource "coder_devcontainer" "repo" {
  count            = data.coder_workspace.me.start_count
  agent_id         = coder_agent.main.id
  workspace_folder = "/home/coder/project" # expect: TDL605
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
        name  = "DOCKER_HOST"
        value = "tcp://localhost:2375"
      }
      volume_mount {
        name       = "cache"
        mount_path = var.cache_path
      }
      volume_mount {
        name       = "home"
        mount_path = "/home/coder"
      }
    }
    container {
      name  = "dind"
      image = "docker:27-dind"
      # tfdind-lint: ignore[TDL401] -- the dind sidecar of this fixture
      security_context {
        privileged = true
      }
      env {
        name  = "DOCKER_TLS_CERTDIR"
        value = ""
      }
      volume_mount {
        name       = "scratch"
        mount_path = "/home/coder"
      }
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
    volume {
      name = "scratch"
      empty_dir {}
    }
  }
}
