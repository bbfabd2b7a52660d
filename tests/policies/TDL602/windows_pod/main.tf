# A Windows node's pod: its first container asks for autostart but runs no agent (which agent it serves is
# unknown), the second runs the Windows agent and asks for autostart too.
data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "windows" # expect: TDL602
  arch = "amd64"
}

resource "kubernetes_pod" "workspace" {
  count = data.coder_workspace.me.start_count
  metadata {
    name = "coder-${data.coder_workspace.me.id}"
  }
  spec {
    node_selector = {
      "kubernetes.io/os" = "windows"
    }
    container {
      name  = "helper"
      image = "mcr.microsoft.com/windows/servercore:ltsc2022"
      env {
        name  = "CODER_AGENT_DEVCONTAINERS_DISCOVERY_AUTOSTART_ENABLE"
        value = "true"
      }
    }
    container {
      name    = "dev"
      image   = "mcr.microsoft.com/windows/servercore:ltsc2022"
      command = ["powershell", "-Command", coder_agent.main.init_script]
      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.main.token
      }
      env {
        name  = "CODER_AGENT_DEVCONTAINERS_DISCOVERY_AUTOSTART_ENABLE"
        value = "true"
      }
    }
  }
}
