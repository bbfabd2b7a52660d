# The folder comes from a module output and a parameter: unknown, so no finding.
data "coder_workspace" "me" {}

data "coder_parameter" "folder" {
  name    = "folder"
  type    = "string"
  default = "/home/coder/project"
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

module "git-clone" {
  count    = data.coder_workspace.me.start_count
  source   = "registry.coder.com/coder/git-clone/coder"
  version  = "~> 1.0"
  agent_id = coder_agent.main.id
  url      = "https://github.com/coder/coder"
}

resource "coder_devcontainer" "cloned" {
  count            = data.coder_workspace.me.start_count
  agent_id         = coder_agent.main.id
  workspace_folder = "~/${module.git-clone[0].folder_name}"
}

resource "coder_devcontainer" "chosen" {
  count            = data.coder_workspace.me.start_count
  agent_id         = coder_agent.main.id
  workspace_folder = data.coder_parameter.folder.value
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
  }
}
