# tfdind-lint: ignore-file[privileged-workspace-container] -- legacy template, replaced in Q3 # expect: TDL901
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "docker_container" "workspace" {
  image   = "codercom/enterprise-base:ubuntu"
  name    = "dev"
  runtime = "sysbox-runc"
  command = ["sh", "-c", coder_agent.main.init_script]
}
