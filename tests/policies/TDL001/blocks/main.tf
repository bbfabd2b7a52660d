# Undeclared variables in a data source and in an output: each finding names the block it is in. `var.zona`
# is one letter from `zone` (a similarity of exactly 0.75, the lowest that still suggests a name).
variable "zone" {
  default = "eu-west-1a"
}

data "coder_parameter" "region" {
  name    = "region"
  default = var.default_region # expect: TDL001
}

output "zone" {
  value = var.zona # expect: TDL001
}
