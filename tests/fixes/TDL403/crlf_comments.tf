data "coder_workspace" "me" {}

# The workspace reaches the sidecar by its name.
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  startup_script = <<-EOT
    # a comment that mentions DOCKER_HOST=dind:2375 stays as it is
    export PATH="$HOME/bin:$PATH" DOCKER_HOST=dind:2375 # the socket of the sidecar
  EOT
  env = {
    DOCKER_HOST = "/var/run/docker.sock" # a socket path: unix://
    OTHER       = "docker:2375"
  }
}
