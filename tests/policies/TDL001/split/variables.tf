# Declarations in a sibling file are visible in main.tf: a module is a directory.
terraform {
  required_providers {
    docker = { source = "kreuzwerker/docker" }
  }
}

variable "image" {
  type    = string
  default = "codercom/enterprise-base:ubuntu"
}

variable dotfiles_uri {
  description = "An unquoted label: Terraform accepts it, so must we."
  default     = ""
  validation {
    condition     = var.dotfiles_uri == "" || can(regex("^https://", var.dotfiles_uri))
    error_message = "Use an https URL."
  }
}
