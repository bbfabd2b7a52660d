resource "coder_agent" "main" {
  arch = "amd64"
  os   = "linux"
}

resource "docker_container" "workspace" {
  name    = "workspace"
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.main.init_script]
}

# a resource may name its provider configuration through the meta-argument
resource "google_compute_instance" "vm" {
  provider     = google
  name         = "vm"
  machine_type = "e2-medium"
  zone         = "europe-west1-b"
}
