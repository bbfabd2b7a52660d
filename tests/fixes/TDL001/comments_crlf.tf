# Copied from another template, which called the variable "docker_image".
variable "docker_image" {
  description = "The workspace image" # pinned by the platform team
  default     = "codercom/enterprise-base:ubuntu"
}

variable "home_size" {
  default = "10Gi"
}

resource "docker_volume" "home" {
  name = "coder-home" # size: ${var.home_size}
  labels {
    label = "size"
    value = var.home_size
  }
}

resource "docker_container" "workspace" {
  image = var.docker_imgae # the image
  name  = "coder-workspace"
  labels {
    label = "image"
    value = "${var.docker_imgae}"
  }
  volumes {
    container_path = "/home/coder"
    volume_name    = docker_volume.home.name
  }
}
