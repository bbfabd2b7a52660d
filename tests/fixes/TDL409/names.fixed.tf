# TDL409's fix names the volume after the container: lower case, runs of other characters as one `-`,
# no `-` at either end, at most 63 characters; no fix where that name is taken, where two paths are
# missing, in a kubernetes_manifest, or where the container block is on one line.
resource "kubernetes_pod" "names" {
  metadata {
    name = "coder-names"
  }
  spec {
    container {
      name  = "_Docker_Sidecar"
      image = "docker:dind"
      security_context {
        privileged = true
      }
      volume_mount {
        name       = "docker-sidecar-data-root"
        mount_path = "/var/lib/docker"
      }
    }
    container {
      name  = "docker-in-docker-sidecar-whose-name-is-long-enough-to-cut"
      image = "docker:dind"
      security_context {
        privileged = true
      }
      volume_mount {
        name       = "docker-in-docker-sidecar-whose-name-is-long-enough-to-cut-data"
        mount_path = "/var/lib/docker"
      }
    }
    # envbox without either of its two data directories: no fix (which volume would it be?)
    container {
      name    = "dev"
      image   = "ghcr.io/coder/envbox:0.6.2"
      command = ["/envbox", "docker"]
      security_context {
        privileged = true
      }
    }
    container { image = "docker:dind" }
    volume {
      name = "certs"
      empty_dir {}
    }
    volume {
      name = "docker-sidecar-data-root"
      empty_dir {}
    }
    volume {
      name = "docker-in-docker-sidecar-whose-name-is-long-enough-to-cut-data"
      empty_dir {}
    }
  }
}

# the volume's name is taken (by a volume mounted elsewhere)
resource "kubernetes_pod" "taken" {
  metadata {
    name = "coder-taken"
  }
  spec {
    container {
      name  = "dind"
      image = "docker:dind"
      security_context {
        privileged = true
      }
    }
    volume {
      name = "dind-data-root"
      empty_dir {}
    }
  }
}

resource "kubernetes_manifest" "pod" {
  manifest = {
    apiVersion = "v1"
    kind       = "Pod"
    metadata = {
      name      = "coder-manifest"
      namespace = "coder"
    }
    spec = {
      containers = [{
        name            = "dind"
        image           = "docker:dind"
        securityContext = { privileged = true }
      }]
    }
  }
}
