# Scripts that make the Docker socket world-writable, in startup scripts and container commands.
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  startup_script = <<-EOT
    #!/bin/bash
    sudo dockerd > /tmp/dockerd.log 2>&1 &
    sleep 5
    sudo chmod 666 /var/run/docker.sock # expect: TDL411
  EOT
}

resource "coder_script" "docker" {
  agent_id     = coder_agent.main.id
  display_name = "Docker"
  script       = "sudo chmod -v a+rw,g+s /run/docker.sock || true" # expect: TDL411
}

resource "docker_container" "workspace" {
  image      = "codercom/enterprise-base:ubuntu"
  name       = "dev"
  privileged = true
  command = ["sh", "-c", <<-EOT
    sudo -u root /bin/bash <<'SETUP'
    chmod 0777 /var/run/docker.sock # expect: TDL411
    SETUP
    ${coder_agent.main.init_script}
  EOT
  ]
}
