variable "user_data" {
  type = string
}

variable "agent" {
  type = any
}

resource "google_compute_instance" "vm" {
  name         = "vm"
  machine_type = "e2-medium"
  zone         = "europe-west1-b"
  metadata = {
    user-data = var.user_data
    script    = var.agent.init_script
  }
}
