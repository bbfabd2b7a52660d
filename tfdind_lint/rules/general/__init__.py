"""0xx: Terraform semantics every template needs right (declarations, providers, the agent's wiring, names)."""
