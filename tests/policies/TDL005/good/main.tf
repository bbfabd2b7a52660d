# Ephemeral compute: count (or replicas) follows start_count, directly, through a local, or unknown.
variable "instances" {
  type = number
}

data "coder_workspace" "me" {}

locals {
  running = data.coder_workspace.me.start_count > 0
}

resource "coder_agent" "main" {
  arch = "amd64"
  os   = "linux"
}

resource "docker_container" "workspace" {
  count   = data.coder_workspace.me.start_count
  name    = "coder-${data.coder_workspace.me.id}"
  image   = "codercom/enterprise-base:ubuntu"
  env     = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
  command = ["sh", "-c", coder_agent.main.init_script]
}

resource "docker_container" "via_local" {
  count   = local.running ? 1 : 0
  name    = "coder-${data.coder_workspace.me.id}-b"
  image   = "codercom/enterprise-base:ubuntu"
  env     = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
  command = ["sh", "-c", coder_agent.main.init_script]
}

# a count the tool cannot know is not a finding
resource "docker_container" "unknown" {
  count   = var.instances
  name    = "coder-${data.coder_workspace.me.id}-c"
  image   = "codercom/enterprise-base:ubuntu"
  env     = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
  command = ["sh", "-c", coder_agent.main.init_script]
}

# switched off for good: nothing keeps running
resource "docker_container" "disabled" {
  count   = 0
  name    = "coder-${data.coder_workspace.me.id}-d"
  image   = "codercom/enterprise-base:ubuntu"
  env     = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
  command = ["sh", "-c", coder_agent.main.init_script]
}

# a Deployment may scale to zero instead of disappearing
resource "kubernetes_deployment" "workspace" {
  metadata {
    name = "coder-${data.coder_workspace.me.id}"
  }
  spec {
    replicas = data.coder_workspace.me.start_count
    selector {
      match_labels = { app = "workspace" }
    }
    template {
      metadata {
        labels = { app = "workspace" }
      }
      spec {
        container {
          name    = "dev"
          image   = "codercom/enterprise-base:ubuntu"
          command = ["sh", "-c", coder_agent.main.init_script]
        }
      }
    }
  }
}

resource "kubernetes_pod" "for_each" {
  for_each = data.coder_workspace.me.start_count == 1 ? toset(["dev"]) : toset([])
  metadata {
    name = "coder-${data.coder_workspace.me.id}-${each.key}"
  }
  spec {
    container {
      name    = each.key
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.main.init_script]
    }
  }
}

module "workspace" {
  source      = "./modules/workspace"
  start_count = data.coder_workspace.me.start_count
  init_script = coder_agent.main.init_script
}
