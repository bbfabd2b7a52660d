# A shared build host's daemon over plain TCP, handed to every workspace.
variable "build_host" {
  default = "tcp://build-host.internal:2375"
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  env = {
    DOCKER_HOST = var.build_host # expect: TDL413
  }
}

# an agent whose workspace is not a container of this template (a VM, say)
resource "coder_agent" "vm" {
  os             = "linux"
  arch           = "amd64"
  startup_script = <<-EOT
    echo 'export DOCKER_HOST=tcp://10.0.0.12:2375' >> ~/.bashrc
    export DOCKER_HOST=tcp://10.0.0.12:2375 # expect: TDL413
    docker info
  EOT
}

resource "docker_container" "workspace" {
  image   = "codercom/enterprise-base:ubuntu"
  name    = "dev"
  command = ["sh", "-c", coder_agent.main.init_script]
}

resource "kubernetes_pod" "main" {
  metadata {
    name = "coder-main"
  }
  spec {
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
      env {
        name  = "DOCKER_HOST"
        value = "shared-docker.tools.svc:2375" # expect: TDL413
      }
    }
  }
}
