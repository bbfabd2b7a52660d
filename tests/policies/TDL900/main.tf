resource "docker_container" "dind" {
  image      = "docker:dind"
  privileged = true # tfdind-lint: ignore[TDL401] # expect: TDL900
  name       = "dind"
}

resource "docker_container" "dind2" {
  image = "docker:dind"
  # tfdind-lint: ignore[TDL4O1] -- typo in the id # expect: TDL900
  privileged = true
  name       = "dind2"
}

resource "docker_container" "dind3" {
  image = "docker:dind"
  # tfdind-lint: ignore[TDL401] -- acknowledged: OPS-1
  privileged = true
  name       = "dind3"
}

resource "docker_container" "workspace" {
  image = "codercom/enterprise-base:ubuntu"
  name  = "dev"
  # tfdind-lint: disable everything # expect: TDL900
}
