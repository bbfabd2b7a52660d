variable "docker_image" {
  default = "codercom/enterprise-base:ubuntu"
}

variable "agent_arch" {
  default = "amd64"
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = var.agent_arch
}

resource "docker_container" "workspace" {
  image   = var.docker_imgae # expect: TDL001
  command = ["sh", "-c", coder_agent.main.init_script]
  labels {
    label = "owner"
    value = "${var.owner_name}-${var.agent_arch}" # expect: TDL001
  }
}
