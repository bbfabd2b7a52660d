"""model/node_pools.py: an EC2NodeClass written as a kubernetes_manifest, a nameless one, an alias after an id."""

from __future__ import annotations

from tfdind_lint.context import Context, Unit
from tfdind_lint.model.node_pools import node_definitions
from tfdind_lint.module import Module
from tfdind_lint.sources import kubernetes, terraform

MANIFEST = '''\
resource "kubernetes_manifest" "config" {
  manifest = {
    apiVersion = "v1"
    kind       = "ConfigMap"
    metadata   = { name = "settings" }
  }
}

resource "kubernetes_manifest" "nodes" {
  manifest = {
    apiVersion = "karpenter.k8s.aws/v1"
    kind       = "EC2NodeClass"
    metadata   = { name = "bottlerocket" }
    spec = {
      amiFamily = "Bottlerocket"
      userData  = <<-EOT
        [settings.kernel.sysctl]
        "user.max_user_namespaces" = "16384"
      EOT
    }
  }
}
'''


def test_a_node_class_in_a_kubernetes_manifest(tmp_path):
    path = tmp_path / "main.tf"
    path.write_text(MANIFEST, encoding="utf-8")
    module = Module.build(str(tmp_path), [terraform.parse_file(str(path), path.read_bytes())])
    definitions = node_definitions(Context([Unit(str(tmp_path), module=module)]))
    assert [(d.subject, d.bottlerocket, d.family.value, d.owner.line) for d in definitions] == [
        ("kubernetes_manifest.nodes", True, "Bottlerocket", 9)]
    value = definitions[0].settings.root.get("settings", "kernel", "sysctl", "user.max_user_namespaces")
    assert (value.value, value.span.line) == ("16384", 18)


def test_a_nameless_node_class_and_an_alias_after_an_image_id():
    text = (
        "apiVersion: karpenter.k8s.aws/v1\nkind: EC2NodeClass\nspec:\n"
        "  amiSelectorTerms:\n    - id: ami-0123456789abcdef0\n    - alias: bottlerocket@v1.20.0\n"
    )
    definitions = node_definitions(Context([Unit("nc.yaml", yaml=kubernetes.parse_text("nc.yaml", text))]))
    assert [(d.subject, d.bottlerocket, d.family.value) for d in definitions] == [
        ("EC2NodeClass/?", True, "bottlerocket@v1.20.0")]
