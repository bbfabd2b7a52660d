# An expired suppression (TDL900's) comes first; the unused ones after it are still reported.
resource "docker_container" "dind" {
  image      = "docker:dind"
  privileged = true # tfdind-lint: ignore[TDL401] -- old decision (until 2020-01-31)
  name       = "dind"
}

resource "docker_container" "workspace" {
  image = "codercom/enterprise-base:ubuntu"
  name  = "dev"
  # tfdind-lint: ignore[TDL401, TDL412] -- nothing here is privileged # expect: TDL901
}
