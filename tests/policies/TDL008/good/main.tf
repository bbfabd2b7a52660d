# Every variable is used somewhere in the directory: another file, a heredoc, a for expression.
resource "coder_agent" "main" {
  arch           = "amd64"
  os             = "linux"
  startup_script = <<-EOT
    %{for p in var.extra_packages~}
    sudo apt-get install -y ${p}
    %{endfor~}
    [ -n "${var.dotfiles_uri}" ] && coder dotfiles -y "${var.dotfiles_uri}"
  EOT
}

resource "kubernetes_pod" "main" {
  metadata {
    name      = "dev"
    namespace = var.namespace
  }
  spec {
    container {
      name    = "dev"
      image   = var.image
      command = ["sh", "-c", coder_agent.main.init_script]
    }
  }
}
