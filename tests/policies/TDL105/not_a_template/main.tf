# Not a Coder template (no coder_agent, no coder_workspace): one copy of these resources exists.
variable "suffix" {
  type    = string
  default = "a"
}

variable "unknown_suffix" {
  type = string
}

resource "docker_volume" "cache" {
  name = "docker-cache"
}

resource "docker_container" "first" {
  name    = "first"
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc"
  volumes {
    volume_name    = docker_volume.cache.name
    container_path = "/var/lib/docker"
  }
}

resource "docker_container" "second" {
  name    = "second"
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc"
  volumes {
    volume_name    = docker_volume.cache.name
    container_path = "/var/lib/docker" # expect: TDL105
  }
}

resource "docker_container" "third" {
  name    = "third"
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc"
  volumes {
    volume_name    = "${docker_volume.cache.name}-${var.unknown_suffix}"
    container_path = "/var/lib/docker"
  }
}

resource "docker_container" "fourth" {
  name    = "fourth"
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc"
  volumes {
    volume_name    = "cache-${var.suffix}"
    container_path = "/var/lib/docker"
  }
}

variable "other_suffix" {
  type = string
}

# names no one can know before apply: never the same storage for sure
resource "docker_container" "uuid_a" {
  name    = "uuid-a"
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc"
  volumes {
    volume_name    = uuid()
    container_path = "/var/lib/docker"
  }
}

resource "docker_container" "uuid_b" {
  name    = "uuid-b"
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc"
  volumes {
    volume_name    = uuid()
    container_path = "/var/lib/docker"
  }
}

resource "docker_container" "either_a" {
  name    = "either-a"
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc"
  volumes {
    volume_name    = coalesce(var.unknown_suffix, var.other_suffix)
    container_path = "/var/lib/docker"
  }
}

resource "docker_container" "either_b" {
  name    = "either-b"
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc"
  volumes {
    volume_name    = coalesce(var.unknown_suffix, var.other_suffix)
    container_path = "/var/lib/docker"
  }
}

# one claim, sub_paths the tool cannot know
resource "kubernetes_pod" "sub_a" {
  metadata {
    name = "sub-a"
  }
  spec {
    runtime_class_name = "sysbox-runc"
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
      volume_mount {
        name       = "state"
        mount_path = "/var/lib/docker"
        sub_path   = var.unknown_suffix
      }
    }
    volume {
      name = "state"
      persistent_volume_claim {
        claim_name = "shared"
      }
    }
  }
}

resource "kubernetes_pod" "sub_b" {
  metadata {
    name = "sub-b"
  }
  spec {
    runtime_class_name = "sysbox-runc"
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
      volume_mount {
        name       = "state"
        mount_path = "/var/lib/docker"
        sub_path   = var.unknown_suffix
      }
    }
    volume {
      name = "state"
      persistent_volume_claim {
        claim_name = "shared"
      }
    }
  }
}
