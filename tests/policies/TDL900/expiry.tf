# Suppressions with an expiry date: the past one has stopped working, the future one still works.
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "docker_container" "workspace" {
  image   = "codercom/enterprise-base:ubuntu"
  name    = "dev"
  command = ["sh", "-c", coder_agent.main.init_script]
}

resource "docker_container" "dind" {
  image      = "docker:dind"
  privileged = true # tfdind-lint: ignore[TDL401] -- until the Sysbox migration (until 2020-01-31) # expect: TDL900
  name       = "dind"
}

resource "docker_container" "buildkit" {
  image      = "moby/buildkit:v0.18.2"
  privileged = true # tfdind-lint: ignore[TDL401] -- isolated node pool (SEC-13) (until 2999-12-31)
  name       = "buildkit"
}

resource "docker_container" "registry_mirror" {
  image      = "docker:dind"
  privileged = true # tfdind-lint: ignore[TDL401] -- mirror (until 31/12/2030) # expect: TDL900
  name       = "mirror"
}

resource "docker_container" "two_rules" {
  image      = "docker:dind"
  privileged = true # tfdind-lint: ignore[TDL401, TDL412] -- migration (until 2020-06-30) # expect: TDL900
  name       = "two-rules"
}
