# A kubernetes_manifest pod: the hint spells the Secret reference in HCL with the API's names.
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
        env = [
          { name = "CODER_IMAGE_PULL_SECRET", value = "{\"auths\":{}}" }, # expect: TDL207
        ]
      }]
    }
  }
}
