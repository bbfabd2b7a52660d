data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  arch = "amd64"
  os   = "linux"
}

resource "coder_agent" "tools" {
  arch = "amd64"
  os   = "linux"
}

resource "kubernetes_pod" "main" {
  count = data.coder_workspace.me.start_count
  metadata {
    name      = "coder-${data.coder_workspace.me.id}"
    namespace = "coder"
  }
  spec {
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.main.init_script] # the main agent
      env {
        name  = "DOCKER_HOST"
        value = "tcp://localhost:2375" # the sidecar
      }
      # more settings follow
      resources {
        limits = { memory = "4Gi" }
      }
    }
    container {
      name    = "tools"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.tools.init_script]
      env {
        name  = "CODER_AGENT_TOKEN"
        value = "${coder_agent.main.token}" # copied from dev
      }
    }
  }
}
