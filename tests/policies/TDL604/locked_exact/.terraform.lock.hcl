provider "registry.terraform.io/coder/coder" {
  version     = "2.3.0"
  constraints = ">= 2.0.0"
  hashes = [
    "h1:0000000000000000000000000000000000000000000=",
  ]
}
