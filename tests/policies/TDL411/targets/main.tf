# Which operand a finding points at: the socket after another file in one chmod, and a socket on the
# next line of a continued command (the finding points at the socket alone there).
resource "coder_agent" "main" {
  os             = "linux"
  arch           = "amd64"
  startup_script = <<-EOT
    #!/bin/bash
    sudo dockerd > /tmp/dockerd.log 2>&1 &
    sleep 5
    sudo chmod 666 /tmp/dockerd.log /var/run/docker.sock # expect: TDL411@10
    sudo chmod 0666 \
      /run/docker.sock # expect: TDL411@7
  EOT
}
