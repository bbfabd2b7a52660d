resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_agent" "dev" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_agent" "alpha" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_agent" "beta" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_app" "code" {
  agent_id = coder_agent.main.id
  slug     = "code"
  url      = "http://localhost:8080"
}

# `dev` is used here, as a whole object only: which agent the mismatched container is for is a guess (no fix).
resource "terraform_data" "after_dev" {
  depends_on = [coder_agent.dev]
}

resource "kubernetes_pod" "main" {
  metadata {
    name = "coder-envbox"
  }
  spec {
    # Only the token: nothing to compare it with (TDL202 notes the missing script).
    container {
      name    = "token-only"
      image   = "ghcr.io/coder/envbox:0.6.2"
      command = ["/envbox", "docker"]
      security_context {
        privileged = true
      }
      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.main.token
      }
    }
    # A number is a literal too (Terraform renders it as a string).
    container {
      name    = "number"
      image   = "ghcr.io/coder/envbox:0.6.2"
      command = ["/envbox", "docker"]
      security_context {
        privileged = true
      }
      env {
        name  = "CODER_AGENT_TOKEN"
        value = 12345 # expect: TDL203
      }
      env {
        name  = "CODER_BOOTSTRAP_SCRIPT"
        value = coder_agent.main.init_script
      }
    }
    # The script runs `dev` even though it mentions `main` (not its init script).
    container {
      name    = "mentions"
      image   = "ghcr.io/coder/envbox:0.6.2"
      command = ["/envbox", "docker"]
      security_context {
        privileged = true
      }
      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.main.token
      }
      env {
        name  = "CODER_BOOTSTRAP_SCRIPT"
        value = replace(coder_agent.dev.init_script, "AGENT_ID", coder_agent.main.id) # expect: TDL203
      }
    }
  }
}

resource "kubernetes_pod" "two_scripts" {
  metadata {
    name = "coder-envbox-2"
  }
  spec {
    # Two agents' init scripts: which one to keep is a guess (no fix).
    container {
      name    = "two-scripts"
      image   = "ghcr.io/coder/envbox:0.6.2"
      command = ["/envbox", "docker"]
      security_context {
        privileged = true
      }
      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.main.token
      }
      env {
        name  = "CODER_BOOTSTRAP_SCRIPT"
        value = join("\n", [coder_agent.alpha.init_script, coder_agent.beta.init_script]) # expect: TDL203
      }
    }
  }
}
