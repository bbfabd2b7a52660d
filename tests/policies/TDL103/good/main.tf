variable "privileged" {
  type = bool
}

resource "coder_agent" "main" {
  arch = "amd64"
  os   = "linux"
}

# Sysbox without privilege: what the runtime is for.
resource "docker_container" "workspace" {
  name       = "workspace"
  image      = "codercom/enterprise-base:ubuntu"
  command    = ["sh", "-c", coder_agent.main.init_script]
  runtime    = "sysbox-runc"
  privileged = false
}

# Unknown privilege is not bad.
resource "docker_container" "unknown" {
  name       = "unknown"
  image      = "codercom/enterprise-base:ubuntu"
  runtime    = "sysbox-runc"
  privileged = var.privileged
}

# Privileged without Sysbox is TDL401's / TDL412's business.
resource "docker_container" "dind" {
  name       = "dind"
  image      = "docker:dind"
  privileged = true
}

# envbox scheduled on Sysbox is TDL106's finding, not this rule's.
resource "kubernetes_pod" "envbox" {
  metadata {
    name = "envbox"
  }
  spec {
    runtime_class_name = "sysbox-runc"
    container {
      name    = "dev"
      image   = "ghcr.io/coder/envbox:0.6.2"
      command = ["/envbox", "docker"]
      security_context {
        privileged = true
      }
    }
  }
}
