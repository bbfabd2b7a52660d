# The root declares `namespace`; the child module directory is a scope of its own.
variable "namespace" {
  default = "coder"
}

module "workspace" {
  source    = "./modules/workspace"
  namespace = var.namespace
}
