# Nothing here says Coder; the template that calls this module does.
variable "name" {
  type = string
}

resource "docker_container" "workspace" {
  image = "ubuntu:24.04"
  name  = var.name
  env   = ["DOCKER_HOST=tcp://10.0.0.12:2375"] # expect: TDL413
}
