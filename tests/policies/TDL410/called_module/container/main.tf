# Nothing here says Coder; the template that calls this module does.
variable "name" {
  type = string
}

resource "docker_container" "workspace" {
  image = "ubuntu:24.04"
  name  = var.name
  volumes {
    host_path      = "/var/run/docker.sock" # expect: TDL410
    container_path = "/var/run/docker.sock"
  }
}
