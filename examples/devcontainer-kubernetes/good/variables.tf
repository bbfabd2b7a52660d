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

variable "dind_image" {
  type        = string
  default     = "docker:27.5.1-dind"
  description = "Image of the Docker daemon sidecar (pin a version)"
}

data "coder_parameter" "cpu" {
  name         = "cpu"
  display_name = "CPU"
  description  = "CPU cores for the workspace (the Docker daemon gets the same again)"
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
  display_name = "Home disk size (GB)"
  type         = "number"
  default      = 20
  mutable      = false
  validation {
    min = 10
    max = 200
  }
}
