# Group access, umask-filtered modes, other paths (even a typo), comments, and heredocs that are not run.
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  startup_script = <<-EOT
    # sudo chmod 666 /var/run/docker.sock
    sudo chmod 660 /var/run/docker.sock
    sudo chmod g+rw /var/run/docker.sock
    sudo chmod +w /var/run/docker.sock
    sudo chmod 666 /var/run/socker.sock
    sudo chmod 666 /var/run/docker.sock.bak
    echo "chmod 666 /var/run/docker.sock"
    cat > /tmp/notes.txt <<'NOTES'
    chmod 666 /var/run/docker.sock
    NOTES
  EOT
}
