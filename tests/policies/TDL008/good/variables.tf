variable "image" {
  type    = string
  default = "codercom/enterprise-base:ubuntu"
}

variable "dotfiles_uri" {
  default = ""
  validation {
    condition     = var.dotfiles_uri == "" || can(regex("^https://", var.dotfiles_uri))
    error_message = "Use an https URL."
  }
}

variable "extra_packages" {
  type    = list(string)
  default = []
}
