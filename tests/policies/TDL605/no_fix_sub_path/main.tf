# The workspace's home is a sub-path of a claim: mounting it in the sidecar takes more than a copied block (no
# fix).
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
      env {
        name  = "DOCKER_HOST"
        value = "tcp://localhost:2375"
      }
      volume_mount {
        name       = "data"
        mount_path = "/home/coder"
        sub_path   = "home"
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
    }
    volume {
      name = "data"
      persistent_volume_claim {
        claim_name = "coder-${data.coder_workspace.me.id}"
      }
    }
  }
}
