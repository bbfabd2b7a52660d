resource "docker_container" "workspace" { # expect: TDL000
  image = "codercom/enterprise-base:ubuntu"
  name  = "dev"
# the block opened on line 1 is never closed
