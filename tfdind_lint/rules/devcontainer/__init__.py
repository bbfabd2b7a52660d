"""6xx: Coder's Dev Containers integration, which needs Docker inside the workspace."""
