data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  arch = "amd64"
  os   = "linux"
}

# Tied to start_count, and first: the untied workloads after it are still reported.
resource "kubernetes_pod_v1" "tied" {
  count = data.coder_workspace.me.start_count
  metadata {
    name = "tied-${data.coder_workspace.me.id}"
  }
  spec {
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.main.init_script]
    }
  }
}

resource "kubernetes_deployment_v1" "workspace" { # expect: TDL005
  metadata {
    name = "coder-${data.coder_workspace.me.id}"
  }
  spec {
    replicas = 1
    selector {
      match_labels = { "app.kubernetes.io/instance" = data.coder_workspace.me.id }
    }
    template {
      metadata {
        labels = { "app.kubernetes.io/instance" = data.coder_workspace.me.id }
      }
      spec {
        container {
          name    = "dev"
          image   = "codercom/enterprise-base:ubuntu"
          command = ["sh", "-c", coder_agent.main.init_script]
          env {
            name  = "CODER_AGENT_TOKEN"
            value = coder_agent.main.token
          }
        }
      }
    }
  }
}

# envbox: the agent's script arrives through CODER_BOOTSTRAP_SCRIPT
resource "kubernetes_pod_v1" "envbox" { # expect: TDL005
  metadata {
    name = "envbox-${data.coder_workspace.me.id}"
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
        name  = "CODER_BOOTSTRAP_SCRIPT"
        value = coder_agent.main.init_script
      }
      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.main.token
      }
    }
  }
}
