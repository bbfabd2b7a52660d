resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

# tfdind-lint: ignore[TDL401] -- our nodes cannot run Sysbox yet (ticket OPS-123)
resource "docker_container" "dind" {
  image      = "docker:dind"
  privileged = true
  name       = "dind"
}

resource "docker_container" "dind_inline" {
  image      = "docker:dind"
  privileged = true # tfdind-lint: ignore[privileged-sidecar-unacknowledged] -- GPU nodes, see OPS-124
  name       = "dind-inline"
}

resource "docker_container" "dind_above" {
  image = "docker:dind"
  # tfdind-lint: ignore[TDL401] -- build farm, isolated hosts
  privileged = true
  name       = "dind-above"
}

resource "docker_container" "dind_no_reason" {
  image      = "docker:dind"
  privileged = true # tfdind-lint: ignore[TDL401] # expect: TDL401
  name       = "dind-no-reason"
}

resource "docker_container" "workspace" {
  image   = "codercom/enterprise-base:ubuntu"
  name    = "dev"
  command = ["sh", "-c", coder_agent.main.init_script]
}
