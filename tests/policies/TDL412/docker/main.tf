variable "docker_in_docker" {
  default = true
}

resource "coder_agent" "main" {
  os             = "linux"
  arch           = "amd64"
  startup_script = "sudo dockerd &"
}

resource "docker_container" "workspace" {
  image      = "codercom/enterprise-base:ubuntu"
  name       = "dev"
  privileged = var.docker_in_docker # expect: TDL412
  env        = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
  command    = ["sh", "-c", coder_agent.main.init_script]
}
