# Not a Coder template (nothing says Coder, nothing calls it): a CI runner host's container may use a
# shared daemon; "every workspace shares it" is not said of it.
resource "docker_container" "runner" {
  image = "ubuntu:24.04"
  name  = "runner"
  env   = ["DOCKER_HOST=tcp://10.0.0.12:2375"]
}
