data "coder_workspace" "me" {}

resource "docker_container" "dind" {
  image      = "docker:dind"
  privileged = true
  name       = "dind-${data.coder_workspace.me.id}"
  entrypoint = ["dockerd", "-H", "tcp://0.0.0.0:2376", "--tlsverify"]
}

resource "docker_container" "dind_path" {
  image      = "docker.io/library/docker:27.3-dind"
  privileged = true
  name       = "dind-path-${data.coder_workspace.me.id}"
  entrypoint = ["/usr/local/bin/dockerd", "--tlsverify"]
}

resource "docker_container" "dind_script" {
  image      = "docker:dind"
  privileged = true
  name       = "dind-script-${data.coder_workspace.me.id}"
  entrypoint = ["/bin/sh", "-ec", "rm -f /var/run/docker.pid; exec dockerd --tlsverify"]
}
