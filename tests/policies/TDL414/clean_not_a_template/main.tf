# Not a Coder template: a lone container with SYS_ADMIN is no workspace (no coder resource, provider or caller).
resource "docker_container" "fuse_helper" {
  image = "example/fuse-helper:1"
  name  = "fuse-helper"
  capabilities {
    add = ["SYS_ADMIN"]
  }
}
