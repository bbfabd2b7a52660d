resource "aws_launch_template" "bottlerocket" {
  name_prefix = "coder-bottlerocket-"
  user_data = base64encode(<<-EOT
    [settings.kubernetes]
    cluster-name = "coder"
  EOT
  )
}

resource "kubernetes_pod" "plain" {
  metadata {
    name = "plain"
  }
  spec {
    container {
      name  = "web"
      image = "nginx:1.27"
    }
  }
}
