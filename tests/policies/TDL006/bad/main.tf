data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  arch = "amd64"
  os   = "linux"
}

resource "coder_agent" "dev" {
  arch = "amd64"
  os   = "linux"
}

# The token was left out: the agent starts and cannot authenticate.
resource "docker_container" "workspace" { # expect: TDL006 error
  count   = data.coder_workspace.me.start_count
  name    = "coder-${data.coder_workspace.me.id}"
  image   = "codercom/enterprise-base:ubuntu"
  env     = ["DOCKER_HOST=tcp://localhost:2375"]
  command = ["sh", "-c", coder_agent.main.init_script]
}

# Two agents, tokens crossed.
resource "kubernetes_pod" "dev" {
  count = data.coder_workspace.me.start_count
  metadata {
    name = "coder-${data.coder_workspace.me.id}"
  }
  spec {
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.dev.init_script]
      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.main.token # expect: TDL006 error
      }
    }
    container { # expect: TDL006 error
      name    = "tools"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.main.init_script]
    }
  }
}

# `auth = "token"` written out is the default: the token is still needed.
resource "coder_agent" "explicit" {
  arch = "amd64"
  os   = "linux"
  auth = "token"
}

resource "docker_container" "explicit" { # expect: TDL006 error
  count   = data.coder_workspace.me.start_count
  name    = "coder-${data.coder_workspace.me.id}-explicit"
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.explicit.init_script]
}
