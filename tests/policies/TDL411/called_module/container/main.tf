# Nothing here says Coder; the template that calls this module does.
variable "name" {
  type = string
}

resource "docker_container" "workspace" {
  image   = "ubuntu:24.04"
  name    = var.name
  command = ["sh", "-c", "chmod 666 /var/run/docker.sock && sleep infinity"] # expect: TDL411@27
}
