# Which TDL403 findings get a fix: a value written as it is read; not one with a space before it, nor one
# that comes from a local.
locals {
  docker_host = "dind:2375"
}

# fixed
resource "docker_container" "plain" {
  image = "codercom/enterprise-base:ubuntu"
  env   = ["DOCKER_HOST=localhost:2375"]
}

# not fixed: a space before the value
resource "docker_container" "spaced" {
  image = "codercom/enterprise-base:ubuntu"
  env   = ["DOCKER_HOST= localhost:2375"]
}

# not fixed: the value is written elsewhere
resource "docker_container" "from_local" {
  image = "codercom/enterprise-base:ubuntu"
  env   = ["DOCKER_HOST=${local.docker_host}"]
}
