# A runtime the tool cannot know yields no finding; neither does a privileged workspace (TDL412's business).
variable "runtime" {
  type = string
}

resource "coder_agent" "main" {
  arch           = "amd64"
  os             = "linux"
  startup_script = "sudo dockerd &"
}

resource "docker_container" "workspace" {
  name    = "workspace"
  image   = "codercom/enterprise-base:ubuntu"
  runtime = var.runtime
  command = ["sh", "-c", coder_agent.main.init_script]
}

resource "coder_agent" "privileged" {
  arch           = "amd64"
  os             = "linux"
  startup_script = "sudo dockerd &"
}

resource "docker_container" "privileged" {
  name       = "privileged"
  image      = "codercom/enterprise-base:ubuntu"
  privileged = true
  command    = ["sh", "-c", coder_agent.privileged.init_script]
}
