# No finding here: every var.x is declared in variables.tf.
# A comment that mentions var.not_declared is not a reference.
// Neither is this one: var.also_not_declared
/* nor var.in_a_block_comment */

module "dotfiles" {
  source   = "registry.coder.com/modules/dotfiles/coder"
  agent_id = "x"
  # a module argument named like a variable is not a var. reference
  namespace    = "workspaces"
  dotfiles_uri = var.dotfiles_uri
}

resource "docker_container" "workspace" {
  image = var.image
  name  = "workspace"
  env   = ["GREETING=${"hello"}", "URI=${var.dotfiles_uri}"]
}
