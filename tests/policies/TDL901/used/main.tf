# tfdind-lint: ignore-file[TDL401] -- build farm template: dind on dedicated nodes (SEC-12)
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
  privileged = true
  name       = "dind"
}

resource "docker_container" "buildkit" {
  image      = "moby/buildkit:v0.18.2"
  privileged = true # tfdind-lint: ignore[TDL401] -- buildkitd needs it; isolated node pool (SEC-13)
  name       = "buildkit"
}
