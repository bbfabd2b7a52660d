# No terraform block: here "coder" means hashicorp/coder, whatever the root declares
# (terraform providers: module.agent -> provider[registry.terraform.io/hashicorp/coder]).
resource "coder_agent" "main" { # expect: TDL007 error
  arch = "amd64"
  os   = "linux"
}
