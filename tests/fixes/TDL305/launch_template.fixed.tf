resource "aws_launch_template" "bottlerocket" {
  name_prefix = "coder-bottlerocket-"
  # Bottlerocket reads TOML user data
  user_data = base64encode(<<-EOT
    [settings.kernel.sysctl]
    "user.max_user_namespaces" = "65536"
    "vm.overcommit_memory" = "1"
  EOT
  )
}
