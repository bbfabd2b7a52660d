resource "coder_agent" "main" {
  arch           = "amd64"
  os             = "linux"
  startup_script = "sudo service docker start"
}

resource "docker_container" "workspace" {
  name       = "workspace"
  image      = "codercom/enterprise-base:ubuntu"
  env        = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
  command    = ["sh", "-c", coder_agent.main.init_script]
  runtime    = "sysbox-runc"
  privileged = true # expect: TDL103
}
