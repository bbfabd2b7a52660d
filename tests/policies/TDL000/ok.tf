# A good file next to broken ones keeps its own findings (and none here).
resource "docker_container" "fine" {
  image = "codercom/enterprise-base:ubuntu"
}
