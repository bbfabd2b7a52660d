resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "docker_container" "workspace" {
  image   = "codercom/enterprise-base:ubuntu"
  name    = "dev"
  command = ["sh", "-c", coder_agent.main.init_script]
  volumes {
    host_path      = "/var/run/docker.sock" # expect: TDL410
    container_path = "/var/run/docker.sock"
  }
  mounts {
    type   = "bind"
    source = "/run/containerd/containerd.sock" # expect: TDL410
    target = "/run/containerd/containerd.sock"
  }
}
