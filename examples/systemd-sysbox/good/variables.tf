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

data "coder_parameter" "cpu" {
  name         = "cpu"
  display_name = "CPU"
  description  = "Number of CPU cores"
  type         = "number"
  default      = 2
  mutable      = true
  option {
    name  = "2 cores"
    value = 2
  }
  option {
    name  = "4 cores"
    value = 4
  }
  option {
    name  = "8 cores"
    value = 8
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
  display_name = "Home disk size (GB)"
  type         = "number"
  default      = 20
  mutable      = false
  validation {
    min = 10
    max = 200
  }
}
