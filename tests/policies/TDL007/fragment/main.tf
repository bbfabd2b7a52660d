# The seed's Sysbox-on-Docker fragment has no terraform block: init looks for hashicorp/coder and hashicorp/docker.
resource "docker_container" "workspace" { # expect: TDL007 error
  name    = "workspace"
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.main.init_script]
  runtime = "sysbox-runc"
}

resource "docker_volume" "home" {
  name = "home"
}

resource "coder_agent" "main" { # expect: TDL007 error
  arch = "amd64"
  os   = "linux"
}

# a HashiCorp provider installs, but unpinned: a note
resource "kubernetes_namespace_v1" "workspaces" { # expect: TDL007 note
  metadata {
    name = "workspaces"
  }
}

# built in: needs no declaration
resource "terraform_data" "marker" {
  input = "x"
}
