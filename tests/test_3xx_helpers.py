"""Helpers of the 3xx rules: resource quantities, manifests in shell heredocs, Bottlerocket node definitions."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tfdind_lint.context import Context, Unit
from tfdind_lint.model import scripts
from tfdind_lint.model.node_pools import node_definitions
from tfdind_lint.module import Module
from tfdind_lint.node import Span, Unknown
from tfdind_lint.rules.podman.helpers import is_extended, quantity
from tfdind_lint.sources import kubernetes, terraform


@pytest.mark.parametrize("value, expected", [
    (1, Decimal(1)), ("1", Decimal(1)), ("+2", Decimal(2)), ("500m", Decimal("0.5")), ("1k", Decimal(1000)),
    ("2Gi", Decimal(2 * 2**30)), ("1e3", Decimal(1000)), ("1E", Decimal(10**18)), (".5", Decimal("0.5")),
    (0.5, Decimal("0.5")), ("1.", Decimal(1)),
])
def test_quantity(value, expected):
    assert quantity(value) == expected


@pytest.mark.parametrize("value", [True, None, "", "one", "1 Gi", "1KB", "0x10", "1_000", [1]])
def test_not_a_quantity(value):
    assert quantity(value) is None


def test_extended_resources():
    assert [n for n in ("github.com/fuse", "nvidia.com/gpu", "smarter-devices/fuse", "cpu", "memory",
                        "hugepages-2Mi", "kubernetes.io/batch", "example.kubernetes.io/x", "ephemeral-storage")
            if is_extended(n)] == ["github.com/fuse", "nvidia.com/gpu", "smarter-devices/fuse"]


def _module(tmp_path, text: str) -> Module:
    path = tmp_path / "main.tf"
    path.write_text(text, encoding="utf-8")
    return Module.build(str(tmp_path), [terraform.parse_file(str(path), path.read_bytes())])


HEREDOC = '''\
resource "null_resource" "plugin" {
  provisioner "local-exec" {
    command = <<-EOT
      echo installing
      cat <<EOF | kubectl apply -f -
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: ${var.name}
        namespace: kube-system
      EOF
    EOT
  }
}
'''


def test_manifests_in_a_terraform_heredoc_keep_their_file_positions(tmp_path):
    module = _module(tmp_path, HEREDOC)
    documents = [d for node in scripts.strings(Unit(str(tmp_path), module=module)) for d in scripts.embedded_manifests(node)]
    assert len(documents) == 1
    document = documents[0]
    path = str(tmp_path / "main.tf")
    assert document.get("kind").where == Span(path, 7, 7, 7, 22)
    assert document.get("metadata", "namespace").span == Span(path, 10, 20, 10, 31)
    assert isinstance(document.get("metadata", "name").value, Unknown)  # ${var.name}: no default


def test_manifests_in_a_yaml_block_scalar(tmp_path):
    text = (
        "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: install\nspec:\n  template:\n    spec:\n"
        "      containers:\n        - name: kubectl\n          image: bitnami/kubectl\n"
        "          args:\n            - sh\n            - -c\n            - |\n"
        "              kubectl apply -f - <<'EOF'\n              apiVersion: v1\n              kind: Secret\n"
        "              metadata:\n                name: registry-secret\n              EOF\n"
    )
    yaml = kubernetes.parse_text("job.yaml", text)
    documents = [d for node in scripts.strings(Unit("job.yaml", yaml=yaml)) for d in scripts.embedded_manifests(node)]
    assert [(d.get("kind").value, d.get("metadata", "name").span) for d in documents] == [
        ("Secret", Span("job.yaml", 19, 23, 19, 38))]


def test_no_manifest_without_a_heredoc_or_line_positions():
    assert scripts.embedded_manifests(kubernetes.parse_text("a.yaml", "apiVersion: v1\nkind: Pod\n").documents[0]) == []


LAUNCH_TEMPLATES = '''\
resource "aws_launch_template" "bottlerocket" {
  user_data = base64encode(<<-EOT
    [settings.kernel.sysctl]
    "user.max_user_namespaces" = "65536"
  EOT
  )
}

resource "aws_launch_template" "shell" {
  user_data = base64encode("#!/bin/bash\\necho hi\\n")
}

resource "aws_launch_template" "templated" {
  user_data = <<-EOT
    [settings.kubernetes]
    cluster-name = "${var.cluster}"
  EOT
}
'''


def test_node_definitions_from_launch_templates(tmp_path):
    module = _module(tmp_path, LAUNCH_TEMPLATES)
    definitions = node_definitions(Context([Unit(str(tmp_path), module=module)]))
    assert [(d.subject, d.bottlerocket, d.complete, d.exact) for d in definitions] == [
        ("aws_launch_template.bottlerocket", True, True, True),
        ("aws_launch_template.templated", True, False, True),
    ]
    value = definitions[0].settings.root.get("settings", "kernel", "sysctl", "user.max_user_namespaces")
    assert value.where == Span(str(tmp_path / "main.tf"), 4, 5, 4, 41)
    assert definitions[1].head == Span(str(tmp_path / "main.tf"), 14, 3, 17, 6)  # user_data = <<-EOT ... EOT


def test_node_class_family():
    text = (
        "apiVersion: karpenter.k8s.aws/v1\nkind: EC2NodeClass\nmetadata:\n  name: a\nspec:\n"
        "  amiSelectorTerms:\n    - alias: Bottlerocket@latest\n---\n"
        "apiVersion: karpenter.k8s.aws/v1\nkind: EC2NodeClass\nmetadata:\n  name: b\nspec:\n  amiFamily: Custom\n---\n"
        "apiVersion: karpenter.k8s.aws/v1\nkind: EC2NodeClass\nmetadata:\n  name: c\nspec:\n  amiFamily: AL2023\n"
        "  amiSelectorTerms:\n    - alias: bottlerocket@latest\n"
    )
    yaml = kubernetes.parse_text("nc.yaml", text)
    definitions = node_definitions(Context([Unit("nc.yaml", yaml=yaml)]))
    assert [(d.subject, d.bottlerocket) for d in definitions] == [
        ("EC2NodeClass/a", True), ("EC2NodeClass/b", None), ("EC2NodeClass/c", False)]
