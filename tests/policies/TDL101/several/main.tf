# Several workspaces in one template: those this rule passes over come first, and the pod's
# agent container comes after a sidecar.
variable "runtime" {
  type = string
}

data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  arch           = "amd64"
  os             = "linux"
  startup_script = "sudo service docker start"
}

# a runtime the tool cannot know
resource "docker_container" "unknown_runtime" {
  name    = "unknown-${data.coder_workspace.me.id}"
  image   = "codercom/enterprise-base:ubuntu"
  runtime = var.runtime
  env     = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
  command = ["sh", "-c", coder_agent.main.init_script]
}

# already on Sysbox
resource "docker_container" "sysbox" {
  name    = "sysbox-${data.coder_workspace.me.id}"
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc"
  env     = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
  command = ["sh", "-c", coder_agent.main.init_script]
}

# privileged: the 4xx rules' business
resource "docker_container" "privileged" {
  name       = "privileged-${data.coder_workspace.me.id}"
  image      = "codercom/enterprise-base:ubuntu"
  privileged = true
  env        = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
  command    = ["sh", "-c", coder_agent.main.init_script]
}

resource "coder_agent" "plain" {
  arch = "amd64"
  os   = "linux"
}

# no sign of Sysbox: its agent starts no Docker
resource "docker_container" "plain" {
  name    = "plain-${data.coder_workspace.me.id}"
  image   = "codercom/enterprise-base:ubuntu"
  env     = ["CODER_AGENT_TOKEN=${coder_agent.plain.token}"]
  command = ["sh", "-c", coder_agent.plain.init_script]
}

# the agent runs in the pod's second container
resource "kubernetes_pod" "sidecar_first" {
  metadata {
    name = "sidecar-first"
  }
  spec { # expect: TDL101
    container {
      name  = "metrics"
      image = "prom/node-exporter:v1.8.2"
    }
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.main.init_script]
      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.main.token
      }
    }
  }
}
