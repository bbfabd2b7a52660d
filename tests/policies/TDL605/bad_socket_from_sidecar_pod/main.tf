# The dind sidecar's /var/run is an emptyDir the workspace mounts too: the workspace uses its socket, but its
# home is not shared.
data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
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
      volume_mount {
        name       = "docker-run"
        mount_path = "/var/run"
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
      volume_mount {
        name       = "docker-run"
        mount_path = "/var/run"
      }
    }
    volume {
      name = "docker-run"
      empty_dir {}
    }
    volume {
      name = "home"
      empty_dir {}
    }
  }
}
