resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "docker_container" "workspace" {
  name       = "workspace"
  image      = "codercom/enterprise-base:ubuntu"
  env        = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
  command    = ["sh", "-c", coder_agent.main.init_script]
  runtime    = "sysbox-runc"
}
