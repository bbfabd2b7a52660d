# Suppressions that match nothing any more: the template was fixed, or the list names too much.
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "docker_container" "workspace" {
  image   = "codercom/enterprise-base:ubuntu"
  name    = "dev"
  runtime = "sysbox-runc"
  command = ["sh", "-c", coder_agent.main.init_script]
  # tfdind-lint: ignore[TDL401] -- dind sidecar, see OPS-123 # expect: TDL901
}

resource "docker_container" "dind" {
  image      = "docker:dind"
  privileged = true # tfdind-lint: ignore[TDL401, TDL412] -- CI builders on dedicated nodes (OPS-7) # expect: TDL901
  name       = "dind"
}
