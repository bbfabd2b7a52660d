resource "docker_container" "envbox" {
  image      = "ghcr.io/coder/envbox:latest"
  name       = "coder-envbox"
  privileged = true
  env = [
    "CODER_ADD_FUSE=true",
    "CODER_ADD_TUN=false", # tun is not needed here
    "CODER_CPUS=1.5",
  ]
}
