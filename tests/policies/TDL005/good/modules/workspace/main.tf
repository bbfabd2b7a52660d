# A child module fed start_count by its caller: the count is a variable here, unknown, not a finding.
variable "start_count" {
  type = number
}

variable "init_script" {
  type = string
}

resource "docker_container" "workspace" {
  count   = var.start_count
  name    = "workspace"
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", var.init_script]
}
