# Not a Coder template (nothing says Coder, nothing calls it): "every user of the workspace" is not
# said of a CI runner host's container.
resource "docker_container" "runner" {
  image   = "ubuntu:24.04"
  name    = "runner"
  command = ["sh", "-c", "chmod 666 /var/run/docker.sock && sleep infinity"]
}
