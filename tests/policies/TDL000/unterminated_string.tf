resource "docker_container" "workspace" {
  image = "codercom/enterprise-base:ubuntu # expect: TDL000
}
