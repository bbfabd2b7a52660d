resource "docker_container" "envbox" {
  image      = "ghcr.io/coder/envbox:latest"
  name       = "coder-envbox"
  privileged = true
  env = [
    "CODER_ADD_FUSE=yes",
    "CODER_ADD_TUN=off", # tun is not needed here
    "CODER_CPUS=1.5",
  ]
}
