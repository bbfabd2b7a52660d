variable "cluster_name" {
  type = string
}

resource "aws_launch_template" "bottlerocket" {
  name_prefix = "coder-bottlerocket-"
  user_data = base64encode(<<-EOT
    [settings.kubernetes]
    cluster-name = "${var.cluster_name}"

    [settings.kernel.sysctl]
    "user.max_user_namespaces" = "65536"
    "vm.max_map_count" = "262144"
  EOT
  )
}
