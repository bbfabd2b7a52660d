# Nothing here says Coder; the template that calls this module does.
variable "name" {
  type = string
}

resource "docker_container" "workspace" {
  image = "ubuntu:24.04"
  name  = var.name
  capabilities {
    add = ["SYS_ADMIN"] # expect: TDL414
  }
}
