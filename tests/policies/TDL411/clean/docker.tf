# Docker provider: the socket's group gets access, not every user.
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "docker_container" "workspace" {
  image = "codercom/enterprise-base:ubuntu"
  name  = "dev"
  command = ["sh", "-c", <<-EOT
    sudo chgrp docker /var/run/docker.sock
    sudo chmod 0660 /var/run/docker.sock
    ${coder_agent.main.init_script}
  EOT
  ]
}
