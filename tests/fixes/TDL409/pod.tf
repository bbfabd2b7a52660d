resource "kubernetes_pod" "main" {
  metadata {
    name = "coder-main"
  }
  spec {
    container {
      name  = "docker-sidecar"
      image = "docker:dind"
      security_context {
        privileged = true
      }
      volume_mount {
        name       = "certs"
        mount_path = "/certs/client"
      }
    }
    # the data-root moved, the volume did not
    container {
      name  = "builder"
      image = "docker:dind"
      args  = ["dockerd", "--host=tcp://127.0.0.1:2376", "--tlsverify", "--data-root=/data/docker"]
      security_context {
        privileged = true
      }
      volume_mount {
        name       = "docker-data"
        mount_path = "/var/lib/docker"
      }
    }
    # envbox keeps two daemons' data: the outer /var/lib/coder/docker is mounted, /var/lib/docker is not
    container {
      name    = "dev"
      image   = "ghcr.io/coder/envbox:0.6.2"
      command = ["/envbox", "docker"]
      security_context {
        privileged = true
      }
      volume_mount {
        name       = "home"
        mount_path = "/var/lib/coder/docker"
        sub_path   = "cache/docker"
      }
    }
    volume {
      name = "certs"
      empty_dir {}
    }
    volume {
      name = "docker-data"
      empty_dir {}
    }
    volume {
      name = "home"
      empty_dir {}
    }
  }
}
