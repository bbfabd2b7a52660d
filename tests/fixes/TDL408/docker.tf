resource "docker_container" "dind" {
  image      = "docker:dind"
  privileged = true
  name       = "dind"
  user       = "1000:1000" # the image's default user is not enough
}
