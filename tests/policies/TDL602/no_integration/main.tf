# A Windows agent without Dev Containers is fine.
resource "coder_agent" "main" {
  os   = "windows"
  arch = "amd64"
}
