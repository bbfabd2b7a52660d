# A privileged workspace on the Sysbox runtime: TDL103 reports it, TDL412 stays quiet (no double report).
resource "coder_agent" "main" {
  os             = "linux"
  arch           = "amd64"
  startup_script = "sudo service docker start"
}

resource "docker_container" "workspace" {
  image      = "codercom/enterprise-base:ubuntu"
  name       = "dev"
  runtime    = "sysbox-runc"
  privileged = true # expect: TDL103
  env        = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
  command    = ["sh", "-c", coder_agent.main.init_script]
}
