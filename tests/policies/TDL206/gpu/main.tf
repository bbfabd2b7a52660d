variable "usr_lib_dir" {
  type = string
}

variable "extra_env" {
  type = list(string)
}

# An empty CODER_USR_LIB_DIR is unset for envbox: it stops at start-up.
resource "docker_container" "empty_lib_dir" {
  image      = "ghcr.io/coder/envbox:latest"
  name       = "coder-envbox-gpu"
  privileged = true
  env = [
    "CODER_ADD_GPU=true", # expect: TDL206
    "CODER_USR_LIB_DIR=",
  ]
}

# Stays quiet: CODER_USR_LIB_DIR from a variable the tool cannot know, and an env list the tool
# cannot read in full (it may set CODER_USR_LIB_DIR).
resource "docker_container" "unknown_lib_dir" {
  image      = "ghcr.io/coder/envbox:latest"
  name       = "coder-envbox-gpu-2"
  privileged = true
  env = [
    "CODER_ADD_GPU=true",
    "CODER_USR_LIB_DIR=${var.usr_lib_dir}",
  ]
}

resource "kubernetes_pod" "env_unseen" {
  metadata {
    name = "coder-envbox"
  }
  spec {
    container {
      name    = "dev"
      image   = "ghcr.io/coder/envbox:0.6.2"
      command = ["/envbox", "docker"]
      security_context {
        privileged = true
      }
      env {
        name  = "CODER_ADD_GPU"
        value = "true"
      }
      env {
        name  = "CODER_USR_LIB_DIR"
        value = var.usr_lib_dir
      }
    }
    container {
      name    = "dev2"
      image   = "ghcr.io/coder/envbox:0.6.2"
      command = ["/envbox", "docker"]
      security_context {
        privileged = true
      }
      env {
        name  = "CODER_ADD_GPU"
        value = "true"
      }
      env_from {
        config_map_ref {
          name = "envbox-gpu"
        }
      }
    }
  }
}
