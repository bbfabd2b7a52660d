# Not a Coder template (no coder resource, provider or caller): a privileged host service is not a workspace's sidecar.
resource "docker_container" "cadvisor" {
  image      = "gcr.io/cadvisor/cadvisor:v0.49.1"
  name       = "cadvisor"
  privileged = true
}
