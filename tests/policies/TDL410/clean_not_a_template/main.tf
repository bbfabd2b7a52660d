# Not a Coder template (no coder resource, provider or caller): a host agent that manages Docker is not a workspace.
resource "docker_container" "portainer_agent" {
  image = "portainer/agent:2.21.0"
  name  = "portainer-agent"
  volumes {
    host_path      = "/var/run/docker.sock"
    container_path = "/var/run/docker.sock"
  }
}
