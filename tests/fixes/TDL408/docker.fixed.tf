resource "docker_container" "dind" {
  image      = "docker:dind"
  privileged = true
  name       = "dind"
  user       = "root" # the image's default user is not enough
}
