# Well-formed suppressions: several ids, a kebab name, a reason.
resource "docker_container" "dind" {
  image      = "docker:dind"
  privileged = true # tfdind-lint: ignore[TDL401, TDL412] -- CI builders on dedicated nodes (OPS-7)
  name       = "dind"
}

resource "docker_container" "workspace" {
  image   = "codercom/enterprise-base:ubuntu"
  name    = "dev"
  command = ["sleep", "infinity"] // tfdind-lint: ignore[privileged-workspace-container] -- not privileged anyway
}
