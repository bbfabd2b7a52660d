resource "aws_launch_template" "bottlerocket" {
  name_prefix = "coder-bottlerocket-"
  user_data = base64encode(<<-EOT
    [settings.kernel.sysctl]
    "user.max_user_namespaces" = 65536 # expect: TDL305
  EOT
  )
}
