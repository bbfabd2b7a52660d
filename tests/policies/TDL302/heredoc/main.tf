# The seed's step 1 run from Terraform, and a workspace that asks for smarter-device-manager's name.
resource "null_resource" "fuse_plugin" {
  provisioner "local-exec" {
    command = <<-EOT
      cat <<EOF | kubectl create -f -
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: fuse-device-plugin-daemonset
        namespace: kube-system
      spec:
        selector:
          matchLabels:
            name: fuse-device-plugin-ds
        template:
          metadata:
            labels:
              name: fuse-device-plugin-ds
          spec: # expect: TDL302
            hostNetwork: true
            containers:
            - name: fuse-device-plugin-ctr
              image: soolaugust/fuse-device-plugin:v1.0
            imagePullSecrets:
            - name: registry-secret # expect: TDL302
      EOF
    EOT
  }
}

resource "kubernetes_pod" "workspace" {
  metadata {
    name = "coder-podman"
  }
  spec {
    container {
      name  = "dev"
      image = "ghcr.io/coder/podman:ubuntu"
      resources {
        limits = {
          "smarter-devices/fuse" = 1 # expect: TDL302
        }
      }
    }
  }
}
