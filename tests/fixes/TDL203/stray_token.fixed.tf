# The token's agent is the stray one: the fix takes the token from `main`, whose init script runs here.
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

# Left over from an earlier version of the template.
resource "coder_agent" "dev" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_app" "code" {
  agent_id = coder_agent.main.id
  slug     = "code"
  url      = "http://localhost:8080"
}

resource "docker_container" "envbox" {
  image      = "ghcr.io/coder/envbox:latest"
  name       = "coder-envbox"
  privileged = true
  env = [
    "CODER_AGENT_TOKEN=${coder_agent.main.token}",
    "CODER_BOOTSTRAP_SCRIPT=${coder_agent.main.init_script}",
  ]
}
