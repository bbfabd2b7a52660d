# References to whole objects (no attribute after the name) are references too, and a misspelt data source
# gets the declared one as a suggestion.
data "coder_parameter" "region" {
  name    = "region"
  default = "eu-west-1"
}

resource "docker_container" "workspace" {
  name       = "coder-workspace"
  image      = "codercom/enterprise-base:ubuntu"
  depends_on = [docker_volume.home] # expect: TDL010
}

output "workspace" {
  value = data.coder_workspace.me # expect: TDL010
}

output "region" {
  value = data.coder_parameter.regoin.value # expect: TDL010
}
