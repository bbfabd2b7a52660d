resource "docker_container" "dind" {
  count = data.coder_workspace.me.start_count
  name  = "dind-${data.coder_workspace.me.id}"
  image = "docker:27-dind"
  # tfdind-lint: ignore[TDL401] -- the dind sidecar of this fixture
  privileged = true
  env        = ["DOCKER_TLS_CERTDIR="]
}
