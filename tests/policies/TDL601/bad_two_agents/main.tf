# Two agents: `main` runs in a Docker container without Docker, `vm` on a machine the template does not show.
# Dev containers on `main` (its resource and the autostart in its container: one finding), on `vm` (quiet:
# its workspace is not here) and on an agent from a variable (quiet: unknown). The script the tool cannot
# read is the VM's: it does not run in `main`'s container.
data "coder_workspace" "me" {}

variable "external_agent_id" {
  type = string
}

resource "coder_agent" "main" {
  count = data.coder_workspace.me.start_count
  os    = "linux"
  arch  = "amd64"
}

resource "coder_agent" "vm" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_script" "vm_setup" {
  agent_id     = one(coder_agent.vm[*].id)
  display_name = "setup"
  run_on_start = true
  script       = file("${path.module}/vm-setup.sh")
}

resource "coder_devcontainer" "external" {
  agent_id         = var.external_agent_id
  workspace_folder = "/home/coder/external"
}

resource "coder_devcontainer" "on_vm" {
  agent_id         = coder_agent.vm.id
  workspace_folder = "/home/coder/vm"
}

resource "coder_devcontainer" "repo" {
  count            = data.coder_workspace.me.start_count
  agent_id         = one(coder_agent.main[*].id) # expect: TDL601
  workspace_folder = "/home/coder/repo"
}

resource "docker_container" "workspace" {
  count   = data.coder_workspace.me.start_count
  name    = "coder-${data.coder_workspace.me.id}"
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.main[0].init_script]
  env = [
    "CODER_AGENT_TOKEN=${coder_agent.main[0].token}",
    "CODER_AGENT_DEVCONTAINERS_DISCOVERY_AUTOSTART_ENABLE=true",
  ]
}
