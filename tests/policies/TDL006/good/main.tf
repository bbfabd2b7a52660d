# Tokens wired as Coder's templates do, plus the cases the tool cannot see into.
variable "auth" {
  type = string
}

data "coder_workspace" "me" {}

locals {
  token = coder_agent.main.token
}

resource "coder_agent" "main" {
  arch = "amd64"
  os   = "linux"
}

resource "coder_agent" "vm" {
  arch = "amd64"
  os   = "linux"
  auth = "google-instance-identity"
}

resource "coder_agent" "configurable" {
  arch = "amd64"
  os   = "linux"
  auth = var.auth
}

resource "docker_container" "workspace" {
  count   = data.coder_workspace.me.start_count
  name    = "coder-${data.coder_workspace.me.id}"
  image   = "codercom/enterprise-base:ubuntu"
  env     = ["CODER_AGENT_TOKEN=${local.token}"]
  command = ["sh", "-c", coder_agent.main.init_script]
}

resource "kubernetes_pod" "dev" {
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
    }
    # the token comes from a Secret the tool cannot read
    container {
      name    = "secret"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.main.init_script]
      env {
        name = "CODER_AGENT_TOKEN"
        value_from {
          secret_key_ref {
            name = "coder-agent"
            key  = "token"
          }
        }
      }
    }
    # a dynamic env block may produce it
    container {
      name    = "dynamic"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.main.init_script]
      dynamic "env" {
        for_each = { CODER_AGENT_TOKEN = coder_agent.main.token }
        content {
          name  = env.key
          value = env.value
        }
      }
    }
    # env_from may provide it
    container {
      name    = "env-from"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.main.init_script]
      env_from {
        secret_ref {
          name = "coder-agent"
        }
      }
    }
  }
}

# instance identity: no token needed
resource "docker_container" "vm" {
  count   = data.coder_workspace.me.start_count
  name    = "coder-${data.coder_workspace.me.id}-vm"
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.vm.init_script]
}

# auth unknown: no finding
resource "docker_container" "configurable" {
  count   = data.coder_workspace.me.start_count
  name    = "coder-${data.coder_workspace.me.id}-cfg"
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.configurable.init_script]
}

# envbox forwards the token to the inner container
resource "kubernetes_pod" "envbox" {
  count = data.coder_workspace.me.start_count
  metadata {
    name = "envbox-${data.coder_workspace.me.id}"
  }
  spec {
    container {
      name    = "dev"
      image   = "ghcr.io/coder/envbox:0.6.2"
      command = ["/envbox", "docker"]
      security_context {
        privileged = true
      }
      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.main.token
      }
      env {
        name  = "CODER_BOOTSTRAP_SCRIPT"
        value = coder_agent.main.init_script
      }
    }
  }
}
