variable "use_kubeconfig" {
  type        = bool
  default     = false
  description = <<-EOF
    Use the host's ~/.kube/config? Set this to false when the Coder server runs
    as a pod in the cluster that hosts the workspaces (it then uses its
    ServiceAccount), and to true when it runs outside that cluster.
  EOF
}

variable "namespace" {
  type        = string
  default     = "coder-workspaces"
  description = "Namespace for the workspace pods (it must exist already)"
}

variable "inner_image" {
  type        = string
  default     = "index.docker.io/codercom/enterprise-base:ubuntu-20240812"
  description = "Image of the inner (workspace) container that envbox starts"
}

variable "pull_secret_name" {
  type        = string
  default     = "coder-inner-registry"
  description = "kubernetes.io/dockerconfigjson Secret envbox uses to pull a private inner image (optional)"
}

variable "create_fuse" {
  type        = bool
  default     = true
  description = "Give the inner container /dev/fuse (for rootless tools such as fuse-overlayfs)"
}

variable "create_tun" {
  type        = bool
  default     = false
  description = "Give the inner container /dev/net/tun (for VPN clients)"
}

data "coder_parameter" "cpu" {
  name         = "cpu"
  display_name = "CPU"
  description  = "Number of CPU cores"
  type         = "number"
  default      = 2
  mutable      = true
  validation {
    min = 1
    max = 8
  }
}

data "coder_parameter" "memory" {
  name         = "memory"
  display_name = "Memory (GB)"
  type         = "number"
  default      = 4
  mutable      = true
  validation {
    min = 2
    max = 16
  }
}

data "coder_parameter" "home_disk_size" {
  name         = "home_disk_size"
  display_name = "Disk size (GB)"
  description  = "Holds the home directory and both Docker caches"
  type         = "number"
  default      = 30
  mutable      = false
  validation {
    min = 20
    max = 200
  }
}
