resource "docker_container" "workspace" {
  name         = "workspace"
  image        = "codercom/enterprise-base:ubuntu"
  runtime      = "sysbox-runc"
}
