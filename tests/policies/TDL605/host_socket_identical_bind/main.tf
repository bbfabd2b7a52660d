# Shaped like a public GPU template: the host's socket runs dev containers as siblings on the host, and
# the repository sits on a host bind mount at the same path on both sides; that path holds the
# workspace id, so the tool cannot read it and must not report the folder.
data "coder_workspace" "me" {}

locals {
  workspace_root = "/var/lib/coder/workspaces/${data.coder_workspace.me.id}"
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_devcontainer" "project" {
  count            = data.coder_workspace.me.start_count
  agent_id         = coder_agent.main.id
  workspace_folder = "/var/lib/coder/workspaces/project"
}

resource "docker_image" "outer" {
  name = "coder-devcontainer-outer:latest"
  build {
    context = path.module
  }
}

resource "docker_container" "workspace" {
  count      = data.coder_workspace.me.start_count
  image      = docker_image.outer.image_id
  name       = "coder-${data.coder_workspace.me.id}"
  entrypoint = ["sh", "-c", coder_agent.main.init_script]
  env        = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
  volumes {
    # tfdind-lint: ignore[TDL410] -- sibling dev containers on the host, on purpose
    host_path      = "/var/run/docker.sock"
    container_path = "/var/run/docker.sock"
  }
  volumes {
    host_path      = local.workspace_root
    container_path = local.workspace_root
  }
}
