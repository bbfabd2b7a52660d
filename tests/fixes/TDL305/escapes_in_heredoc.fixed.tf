# In a heredoc the TOML is written as is: a \" there is TOML's own escape, and the fix quotes with a plain ".
resource "aws_launch_template" "bottlerocket" {
  name_prefix = "coder-bottlerocket-"
  user_data = base64encode(<<-EOT
    [settings.kernel.sysctl]
    "user.max_user_namespaces" = "65536" # not \"65536\"
    "user.max_inotify_watches" = "8192" # "\"" is an escape
    "kernel.core_pattern" = "\"|/bin/false\""
  EOT
  )
}

# In a quoted string the TOML's quotes are written \": no fix (a quote written there would need escaping).
resource "aws_launch_template" "quoted" {
  name_prefix = "coder-quoted-"
  user_data   = base64encode("[settings.kernel.sysctl]\n\"vm.max_map_count\" = 262144\nuser.max_user_namespaces = \"65536\"\n")
}
