resource "docker_container" "workspace" {
  name         = "workspace"
  image        = "codercom/enterprise-base:ubuntu"
  runtime      = "sysbox-runc"
  network_mode = "host" # expect: TDL104
  pid_mode     = "host" # expect: TDL104
  userns_mode  = "host" # expect: TDL104
  ipc_mode     = "host" # expect: TDL104
}
