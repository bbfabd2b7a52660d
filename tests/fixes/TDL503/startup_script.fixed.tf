data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  dir  = "/home/coder"
  # Two here-documents: the first closes, the second's closing line is indented.
  startup_script = <<-EOT
    cat > /tmp/first <<'FIRST'
    closed by its own line
    FIRST
    cat > /tmp/motd <<-'  MOTD' # the banner
      Welcome to your workspace
      MOTD
    sudo service docker start
  EOT
}
