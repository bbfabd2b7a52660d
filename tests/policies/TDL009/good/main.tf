# Every agent's init script reaches something that runs it.
data "coder_workspace" "me" {}

resource "coder_agent" "docker" {
  arch = "amd64"
  os   = "linux"
}

resource "coder_agent" "envbox" {
  arch = "amd64"
  os   = "linux"
}

resource "coder_agent" "vm" {
  arch = "amd64"
  os   = "linux"
  auth = "google-instance-identity"
}

resource "coder_agent" "systemd" {
  count = 1
  arch  = "amd64"
  os    = "linux"
}

resource "coder_agent" "passed_on" {
  arch = "amd64"
  os   = "linux"
}

resource "docker_container" "workspace" {
  count   = data.coder_workspace.me.start_count
  name    = "coder-${data.coder_workspace.me.id}"
  image   = "codercom/enterprise-base:ubuntu"
  env     = ["CODER_AGENT_TOKEN=${coder_agent.docker.token}"]
  command = ["sh", "-c", coder_agent.docker.init_script]
}

resource "kubernetes_pod" "envbox" {
  count = data.coder_workspace.me.start_count
  metadata {
    name = "envbox-${data.coder_workspace.me.id}"
  }
  spec {
    container {
      name    = "dev"
      image   = "ghcr.io/coder/envbox:0.6.2"
      command = ["/envbox", "docker"]
      env {
        name  = "CODER_BOOTSTRAP_SCRIPT"
        value = coder_agent.envbox.init_script
      }
    }
  }
}

resource "docker_container" "systemd" {
  count = data.coder_workspace.me.start_count
  name  = "coder-${data.coder_workspace.me.id}-systemd"
  image = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", <<-EOT
    ${coder_agent.systemd[0].init_script} &
    exec /sbin/init
  EOT
  ]
}

module "vm" {
  source    = "./modules/vm"
  user_data = templatefile("${path.module}/cloud-init.yaml.tftpl", { init_script = coder_agent.vm.init_script })
  agent     = coder_agent.passed_on
}
