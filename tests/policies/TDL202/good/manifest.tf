# A kubernetes_manifest pod whose env list is unknown and that has no envFrom: the tool cannot
# tell what is missing, so not even the envFrom note.
variable "envbox_env" {
  type = list(object({ name = string, value = string }))
}

resource "kubernetes_manifest" "envbox" {
  manifest = {
    apiVersion = "v1"
    kind       = "Pod"
    metadata   = { name = "envbox", namespace = "coder" }
    spec = {
      containers = [{
        name            = "dev"
        image           = "ghcr.io/coder/envbox:0.6.2"
        securityContext = { privileged = true }
        env             = var.envbox_env
      }]
    }
  }
}
