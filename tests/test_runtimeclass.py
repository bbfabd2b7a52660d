"""TDL505 across files: RuntimeClass definitions, the pods that use them, the installer's node label."""

from __future__ import annotations

from tfdind_lint.linter import lint
from tfdind_lint.settings import RunSettings

RUNTIMECLASS = """apiVersion: node.k8s.io/v1
kind: RuntimeClass
metadata:
  name: sysbox-runc
handler: sysbox-runc
scheduling:
  nodeSelector:
    sysbox-runtime: running
"""

INSTALLER = """apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: sysbox-deploy-k8s
  namespace: kube-system
spec:
  selector:
    matchLabels:
      sysbox-install: "yes"
  template:
    metadata:
      labels:
        sysbox-install: "yes"
    spec:
      nodeSelector:
        sysbox-install: "yes"
      containers:
        - name: sysbox-deploy-k8s
          image: registry.nestybox.com/nestybox/sysbox-deploy-k8s:v0.6.5
"""

POD = """apiVersion: v1
kind: Pod
metadata:
  name: dev
spec:
  runtimeClassName: sysbox-runc
  nodeSelector:
    sysbox-runtime: {value}
  containers:
    - name: dev
      image: codercom/enterprise-base:ubuntu
"""


def run(tmp_path, files: dict[str, str]):
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    report = lint([str(tmp_path)], RunSettings(enabled={"TDL505"}))
    return [(f.span.path.replace(str(tmp_path) + "/", ""), f.span.line, str(f.severity), f.related) for f in report.active]


def test_the_sysbox_installer_manifest_with_labelled_nodes_is_quiet(tmp_path):
    nodepool = """apiVersion: karpenter.sh/v1
kind: NodePool
metadata:
  name: sysbox
spec:
  template:
    metadata:
      labels:
        sysbox-install: "yes"
"""
    assert run(tmp_path, {"sysbox-install.yaml": RUNTIMECLASS + "---\n" + INSTALLER, "nodepool.yaml": nodepool,
                          "pod.yaml": POD.format(value="running")}) == []


def test_unlabelled_installer_is_a_note(tmp_path):
    ((path, line, severity, related),) = run(tmp_path, {"sysbox-install.yaml": INSTALLER})
    assert (path, line, severity, related) == ("sysbox-install.yaml", 16, "note", ())


def test_node_labels_from_terraform_count(tmp_path):
    node_group = """resource "aws_eks_node_group" "sysbox" {
  cluster_name  = "coder"
  node_role_arn = "arn:aws:iam::123456789012:role/nodes"
  subnet_ids    = ["subnet-1"]
  labels = {
    "sysbox-install" = "yes"
  }
  scaling_config {
    desired_size = 1
    max_size     = 2
    min_size     = 1
  }
}
"""
    assert run(tmp_path, {"installer.yaml": INSTALLER, "nodes/main.tf": node_group}) == []


def test_kubectl_label_in_a_script_counts(tmp_path):
    script = """resource "null_resource" "label" {
  provisioner "local-exec" {
    command = "kubectl label nodes --all sysbox-install=yes"
  }
}
"""
    assert run(tmp_path, {"installer.yaml": INSTALLER, "nodes/main.tf": script}) == []


def test_sysbox_runtimeclass_selecting_the_wrong_value_names_its_pods(tmp_path):
    wrong = RUNTIMECLASS.replace("sysbox-runtime: running", "sysbox-runtime: installed")
    ((path, line, severity, related),) = run(tmp_path, {"rc.yaml": wrong, "pod.yaml": POD.format(value="installed")})
    assert (path, line, severity) == ("rc.yaml", 8, "warning")
    assert [(r.span.path.rsplit("/", 1)[-1], r.span.line) for r in related] == [("pod.yaml", 6)]


def test_sysbox_runtimeclass_without_the_sysbox_label(tmp_path):
    other = RUNTIMECLASS.replace("sysbox-runtime: running", "node-pool: sysbox")
    assert [(p, line) for p, line, _, _ in run(tmp_path, {"rc.yaml": other})] == [("rc.yaml", 7)]


def test_pod_selector_contradicting_its_runtimeclass(tmp_path):
    ((path, line, severity, related),) = run(tmp_path, {"rc.yaml": RUNTIMECLASS, "pod.yaml": POD.format(value="stopped")})
    assert (path, line, severity) == ("pod.yaml", 8, "warning")
    assert [(r.span.path.rsplit("/", 1)[-1], r.span.line) for r in related] == [("rc.yaml", 8)]
