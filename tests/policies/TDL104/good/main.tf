# The Docker provider's default network mode is "bridge": only an explicit "host" counts.
resource "docker_network" "workspace" {
  name = "workspace"
}

resource "docker_container" "workspace" {
  name         = "workspace"
  image        = "codercom/enterprise-base:ubuntu"
  runtime      = "sysbox-runc"
  network_mode = "bridge"
  networks_advanced {
    name = docker_network.workspace.name
  }
}

# Host networking without Sysbox is not this rule's business.
resource "kubernetes_pod" "node_agent" {
  metadata {
    name = "node-agent"
  }
  spec {
    host_network = true
    container {
      name  = "agent"
      image = "busybox:1.36"
    }
  }
}

resource "kubernetes_pod" "sysbox" {
  metadata {
    name = "sysbox"
    annotations = {
      "io.kubernetes.cri-o.userns-mode" = "auto:size=65536"
    }
  }
  spec {
    runtime_class_name = "sysbox-runc"
    host_network       = false
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
    }
  }
}
