# The image's entrypoint kept (the list moved to `command` / `args`), run explicitly, or not a docker:dind image.
data "coder_workspace" "me" {}

resource "docker_container" "dind" {
  image      = "docker:dind"
  privileged = true
  name       = "dind-${data.coder_workspace.me.id}"
  command    = ["dockerd", "-H", "tcp://0.0.0.0:2376", "--tlsverify"]
}

resource "docker_container" "dind_entrypoint" {
  image      = "docker:dind"
  privileged = true
  name       = "dind-entrypoint-${data.coder_workspace.me.id}"
  entrypoint = ["dockerd-entrypoint.sh", "--mtu=1400"]
}

resource "docker_container" "custom" {
  image      = "registry.example.com/platform/dockerd:1.4"
  privileged = true
  name       = "custom-${data.coder_workspace.me.id}"
  entrypoint = ["dockerd", "--tlsverify"]
}

resource "kubernetes_pod" "main" {
  metadata {
    name = "coder-main"
  }
  spec {
    container {
      name  = "docker-sidecar"
      image = "docker:dind"
      args  = ["dockerd", "--host=tcp://127.0.0.1:2375"]
      security_context {
        privileged = true
      }
    }
  }
}
