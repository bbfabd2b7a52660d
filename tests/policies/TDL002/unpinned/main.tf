# The seed's Sysbox-on-Docker example with the coder provider unpinned: any current provider lacks `owner`.
terraform {
  required_providers {
    coder  = { source = "coder/coder" }
    docker = { source = "kreuzwerker/docker" }
  }
}

data "coder_workspace" "me" {}
data "coder_workspace_owner" "me" {}

resource "coder_agent" "main" {
  arch = "amd64"
  os   = "linux"
  # data.coder_workspace.me.owner in a comment is not a reference
  startup_script = <<-EOT
    git config --global user.email "${data.coder_workspace.me.owner_email}" # expect: TDL002 error
    git config --global user.name "${data.coder_workspace_owner.me.full_name}"
  EOT
}

resource "docker_container" "workspace" {
  count   = data.coder_workspace.me.start_count
  name    = "coder-${data.coder_workspace.me.owner}-${lower(data.coder_workspace.me.name)}" # expect: TDL002 error
  image   = "codercom/enterprise-base:ubuntu"
  env     = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
  command = ["sh", "-c", coder_agent.main.init_script]
  labels {
    label = "coder.owner_id"
    value = data.coder_workspace.me.owner_id # expect: TDL002 error
  }
}
