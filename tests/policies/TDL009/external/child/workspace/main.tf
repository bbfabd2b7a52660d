resource "coder_agent" "main" {
  arch = "amd64"
  os   = "linux"
}

output "agent_id" {
  value = coder_agent.main.id
}
