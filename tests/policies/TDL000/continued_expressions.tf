# Terraform accepts a blank or comment line before an operator that continues an expression in
# brackets; python-hcl2 8.1.4's own post-lexer rejects these (sources/hcl_parser.py joins the breaks).
variable "use_sysbox" {
  type    = bool
  default = true
}

variable "replicas" {
  type    = number
  default = 1
}

locals {
  runtime = (var.use_sysbox

    ? "sysbox-runc"
    # the default runtime otherwise
    : null
  )
  scaled = (var.replicas
    // at least one
    + 1
  )
  both = (var.use_sysbox
    /* and */ && var.replicas > 0
  )
}

output "runtime" {
  value = [local.runtime, local.scaled, local.both]
}
