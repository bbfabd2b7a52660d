"""TDL506 and the target cluster's version: hostNetwork with hostUsers: false is alpha from Kubernetes 1.35."""

from __future__ import annotations

import pytest

from tfdind_lint.linter import lint
from tfdind_lint.rules.kubernetes.helpers import parse_k8s_version
from tfdind_lint.settings import RunSettings


@pytest.mark.parametrize("text, version", [
    ("1.35", (1, 35)), ("v1.35.2", (1, 35, 2)), (" 1.30.0 ", (1, 30, 0)), ("1.36.1-eks-1234", (1, 36, 1)),
    (1.35, (1, 35)), (None, None), ("latest", None), ("1", None), (True, None),
])
def test_parse_k8s_version(text, version):
    assert parse_k8s_version(text) == version


POD = """apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostUsers: false
  hostNetwork: true
  hostPID: true
  containers:
    - name: c
      image: busybox
"""


@pytest.mark.parametrize("version, gates, network", [
    (None, [], "error"),
    ("1.34", ["UserNamespacesHostNetworkSupport"], "error"),
    ("1.35", [], "error"),
    ("1.35", ["UserNamespacesHostNetworkSupport"], "note"),
    ("v1.36.0", ["UserNamespacesHostNetworkSupport"], "note"),
])
def test_host_network_depends_on_version_and_gate(tmp_path, version, gates, network):
    (tmp_path / "pod.yaml").write_text(POD, encoding="utf-8")
    settings = RunSettings(enabled={"TDL506"}, parameters={"TDL506": {"k8s_version": version, "feature_gates": gates}})
    report = lint([str(tmp_path)], settings)
    assert [(f.span.line, str(f.severity)) for f in report.active] == [(7, network), (8, "error")]
