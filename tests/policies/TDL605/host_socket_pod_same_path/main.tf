# A pod mounts the node's Docker socket and a node directory at the same path: the folder is there on the node.
data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_devcontainer" "repo" {
  count            = data.coder_workspace.me.start_count
  agent_id         = coder_agent.main.id
  workspace_folder = "/srv/coder/project"
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
        name       = "docker-sock"
        mount_path = "/var/run/docker.sock"
      }
      volume_mount {
        name       = "srv"
        mount_path = "/srv/coder"
      }
    }
    volume {
      name = "docker-sock"
      host_path {
        path = "/var/run/docker.sock"
      }
    }
    volume {
      name = "srv"
      host_path {
        path = "/srv/coder"
      }
    }
  }
}
