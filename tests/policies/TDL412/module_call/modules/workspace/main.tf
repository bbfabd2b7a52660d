variable "init_script" {
  type = string
}

variable "token" {
  type      = string
  sensitive = true
}

resource "docker_container" "workspace" {
  image      = "codercom/enterprise-base:ubuntu"
  name       = "dev"
  entrypoint = ["sh", "-c", var.init_script]
  env        = ["CODER_AGENT_TOKEN=${var.token}"]
  privileged = true # expect: TDL412
}
