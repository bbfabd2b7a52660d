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

resource "docker_container" "dind4" {
  image = "docker:dind"
  # tfdind-lint: ignore[] -- no rule named # expect: TDL900
  privileged = true
  # tfdind-lint: ignore[TDL4O1, no-such-rule] -- two unknown names # expect: TDL900
  name = "dind4"
}

resource "docker_container" "dind5" {
  image      = "docker:dind"
  privileged = true # tfdind-lint: ignore[TDL401, TDL402] # expect: TDL900
  name       = "dind5"
}
