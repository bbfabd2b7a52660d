variable "agent_id" {
  type = string
}

resource "coder_external_agent" "this" {
  agent_id = var.agent_id
}
