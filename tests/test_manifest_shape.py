"""Manifest fields of the wrong type (manifest_shape.py): never an internal error, the field unknown, the object refused
when its ``kind`` or ``apiVersion`` is not a string.

Each field kind a rule reads gets a mapping, a list and a number where the API wants something else, in a YAML
document, a ``kubernetes_manifest`` and a ``.tf.json`` manifest; the linted directory also holds a Sysbox
RuntimeClass and the installer DaemonSet, so the rule that looks across files (TDL505, where the fuzz run found
``kind:`` holding a mapping) reads every document.
"""

from __future__ import annotations

import copy
import json
import textwrap

import pytest

from tfdind_lint import lint
from tfdind_lint.manifest_shape import conform, terraform_manifest
from tfdind_lint.module import Module
from tfdind_lint.node import Node, Span, Unknown
from tfdind_lint.sources import kubernetes
from tfdind_lint.sources.terraform import parse_file as parse_tf

POD = {
    "apiVersion": "v1",
    "kind": "Pod",
    "metadata": {"name": "dev", "namespace": "coder", "labels": {"app": "dev"},
                 "annotations": {"io.kubernetes.cri-o.userns-mode": "auto:size=65536"}},
    "spec": {
        "runtimeClassName": "sysbox-runc",
        "nodeSelector": {"sysbox-runtime": "running"},
        "hostUsers": False,
        "securityContext": {"runAsUser": 1000},
        "imagePullSecrets": [{"name": "registry"}],
        "volumes": [{"name": "docker", "hostPath": {"path": "/var/lib/docker"}},
                    {"name": "data", "persistentVolumeClaim": {"claimName": "dev-home"}}],
        "containers": [{
            "name": "dev",
            "image": "codercom/enterprise-base:ubuntu",
            "command": ["sh", "-c"],
            "args": ["exec /sbin/init"],
            "env": [{"name": "DOCKER_HOST", "value": "tcp://localhost:2375"},
                    {"name": "CODER_AGENT_TOKEN", "valueFrom": {"secretKeyRef": {"name": "agent", "key": "token"}}}],
            "envFrom": [{"configMapRef": {"name": "settings"}}],
            "volumeMounts": [{"name": "docker", "mountPath": "/var/lib/docker"}],
            "securityContext": {"privileged": True, "capabilities": {"add": ["SYS_ADMIN"]}},
            "resources": {"limits": {"cpu": "2"}},
        }],
    },
}
OTHERS = [
    {"apiVersion": "node.k8s.io/v1", "kind": "RuntimeClass", "metadata": {"name": "sysbox-runc"}, "handler": "sysbox-runc",
     "scheduling": {"nodeSelector": {"sysbox-runtime": "running"}}},
    {"apiVersion": "apps/v1", "kind": "DaemonSet", "metadata": {"name": "sysbox-deploy"},
     "spec": {"template": {"spec": {"nodeSelector": {"sysbox-install": "yes"},
                                    "containers": [{"name": "deploy", "image": "registry.nestybox.com/nestybox/sysbox-deploy-k8s"}]}}}},
]

#: every field kind a rule reads: (path in POD, ...)
FIELDS = [
    ("metadata",), ("metadata", "name"), ("metadata", "namespace"), ("metadata", "labels"), ("metadata", "labels", "app"),
    ("metadata", "annotations"), ("metadata", "annotations", "io.kubernetes.cri-o.userns-mode"),
    ("spec",), ("spec", "runtimeClassName"), ("spec", "nodeSelector"), ("spec", "nodeSelector", "sysbox-runtime"),
    ("spec", "hostUsers"), ("spec", "securityContext"), ("spec", "securityContext", "runAsUser"),
    ("spec", "imagePullSecrets"), ("spec", "imagePullSecrets", 0), ("spec", "imagePullSecrets", 0, "name"),
    ("spec", "volumes"), ("spec", "volumes", 0), ("spec", "volumes", 0, "name"), ("spec", "volumes", 0, "hostPath"),
    ("spec", "volumes", 0, "hostPath", "path"), ("spec", "volumes", 1, "persistentVolumeClaim", "claimName"),
    ("spec", "containers"), ("spec", "containers", 0), ("spec", "containers", 0, "name"),
    ("spec", "containers", 0, "image"), ("spec", "containers", 0, "command"), ("spec", "containers", 0, "command", 0),
    ("spec", "containers", 0, "args"), ("spec", "containers", 0, "args", 0), ("spec", "containers", 0, "env"),
    ("spec", "containers", 0, "env", 0), ("spec", "containers", 0, "env", 0, "name"),
    ("spec", "containers", 0, "env", 0, "value"), ("spec", "containers", 0, "env", 1, "valueFrom"),
    ("spec", "containers", 0, "env", 1, "valueFrom", "secretKeyRef", "key"), ("spec", "containers", 0, "envFrom"),
    ("spec", "containers", 0, "volumeMounts"), ("spec", "containers", 0, "volumeMounts", 0, "name"),
    ("spec", "containers", 0, "volumeMounts", 0, "mountPath"), ("spec", "containers", 0, "securityContext"),
    ("spec", "containers", 0, "securityContext", "privileged"),
    ("spec", "containers", 0, "securityContext", "capabilities", "add"),
    ("spec", "containers", 0, "securityContext", "capabilities", "add", 0),
    ("spec", "containers", 0, "resources", "limits"), ("spec", "containers", 0, "resources", "limits", "cpu"),
]
WRONG = {"mapping": {"name": "sysbox"}, "list": ["a", ["b"]], "number": 7}


def _replace(document: dict, path: tuple, value) -> dict:
    document = copy.deepcopy(document)
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = value
    return document


def _kind_of(value) -> str:
    return "mapping" if isinstance(value, dict) else "list" if isinstance(value, list) else "scalar"


def _cases():
    for path in FIELDS:
        original = _kind_of(_get(POD, path))
        for name, value in WRONG.items():
            if _kind_of(value) != original:  # a value of another shape than the API's
                yield pytest.param(path, value, id="/".join(map(str, path)) + "=" + name)


def _get(document, path):
    for step in path:
        document = document[step]
    return document


def _lint(tmp_path, files: dict[str, str]):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    report = lint([str(tmp_path)])
    assert report.internal_errors == 0, [f.message for f in report.findings if f.rule == "TDL999"]
    return report


def _yaml(*documents) -> str:
    return "\n---\n".join(json.dumps(d, indent=2) for d in documents) + "\n"


@pytest.mark.parametrize(("path", "value"), list(_cases()))
def test_a_yaml_field_of_the_wrong_shape_is_unknown(tmp_path, path, value):
    text = _yaml(_replace(POD, path, value), *OTHERS)
    document = kubernetes.parse_text("pod.yaml", text).documents[0]
    node = document.get(*path)
    allowed_scalar = _kind_of(value) == "scalar" and not isinstance(_get(POD, path), str)
    if not allowed_scalar:  # a number where a string is expected is wrong too in YAML
        assert isinstance(node.value, Unknown), node
    _lint(tmp_path, {"pod.yaml": text})


@pytest.mark.parametrize(("path", "value"), list(_cases()))
def test_a_kubernetes_manifest_field_of_the_wrong_shape_is_unknown(tmp_path, path, value):
    manifest = _replace(POD, path, value)
    tf = f'resource "kubernetes_manifest" "pod" {{\n  manifest = {json.dumps(manifest, indent=2)}\n}}\n'
    tf = tf.replace('": ', '" = ')  # HCL object syntax: `"key" = value`
    module = Module.build("m", [parse_tf("main.tf", tf.encode())])
    node = terraform_manifest(module, module.resources[0]).get(*path)
    if not isinstance(value, int):  # Terraform converts a number to a string; a collection it cannot
        assert isinstance(node.value, Unknown), node
    _lint(tmp_path, {"main.tf": tf, "others.yaml": _yaml(*OTHERS),
                     "json.tf.json": json.dumps({"resource": {"kubernetes_manifest": {"pod": {"manifest": manifest}}}})})


@pytest.mark.parametrize("key", ["apiVersion", "kind"])
@pytest.mark.parametrize("value", [{"name": "sysbox"}, ["Pod"], 7, None, ""], ids=["mapping", "list", "number", "null", "empty"])
def test_a_document_whose_kind_is_not_a_string_is_refused(tmp_path, key, value):
    report = _lint(tmp_path, {"pod.yaml": _yaml(*OTHERS, _replace(POD, (key,), value))})
    (error,) = [f for f in report.findings if f.rule == "TDL000"]
    assert error.message.startswith(f"Invalid manifest: `{key}` ")
    assert "Kubernetes rejects the object" in error.message


def test_the_fuzzed_document_kind_holding_a_mapping(tmp_path):
    """The fuzz run's case: a damaged line leaves `kind:` empty, and the indented line below becomes its value."""
    damaged = textwrap.dedent("""\
        apiVersion: node.k8s.io/v1
        kind:
          name: sysbox-runc
        handler: sysbox-runc
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: dev
        spec:
          runtimeClassName: sysbox-runc
          containers:
            - name: dev
              image: codercom/enterprise-base:ubuntu
        """)
    report = _lint(tmp_path, {"runtime.yaml": damaged})
    errors = [(f.span.line, f.span.column, f.span.end_line, f.message) for f in report.findings if f.rule == "TDL000"]
    assert errors == [(2, 1, 3, "Invalid manifest: `kind` holds a mapping, not a string such as `Pod`; Kubernetes rejects "
                                "the object (is the line below it indented by mistake?)")]
    # the Pod is still read: its own findings are there
    assert any(f.rule == "TDL102" and f.span.line == 11 for f in report.findings)


def test_terraform_converts_scalars_to_strings_where_yaml_refuses_them():
    span = Span("x", 1, 1, 1, 2)
    node = Node({"kind": Node("Pod", span), "metadata": Node({"name": Node(7, span), "labels": Node({"a": Node(True, span)}, span)}, span)}, span)
    lenient = conform(node, strict=False)
    assert lenient.get("metadata", "name").value == "7"
    assert lenient.get("metadata", "labels", "a").value == "true"
    strict = conform(node)
    assert isinstance(strict.get("metadata", "name").value, Unknown)
    assert node.get("metadata", "name").value == 7  # the tree read is not changed: aliases may share it


def test_a_conforming_document_is_left_as_it_is():
    document = kubernetes.parse_text("pod.yaml", _yaml(POD)).documents[0]
    assert document.plain() == POD


@pytest.mark.parametrize("key", ["apiVersion", "kind"])
@pytest.mark.parametrize("value", ['["RuntimeClass"]', '{ name = "sysbox" }', "[[\"\"]]"], ids=["list", "object", "nested"])
def test_a_kubernetes_manifest_whose_kind_is_not_a_string_is_no_workload(tmp_path, key, value):
    """The fuzz run's Terraform case: ``kind = [[""]]`` made TDL505 hash a list."""
    other = "apiVersion" if key == "kind" else "kind"
    tf = textwrap.dedent(f"""\
        resource "kubernetes_manifest" "runtime" {{
          manifest = {{
            {key} = {value}
            {other} = "{'node.k8s.io/v1' if other == 'apiVersion' else 'RuntimeClass'}"
            metadata = {{ name = "sysbox-runc" }}
            handler = "sysbox-runc"
          }}
        }}
        """)
    module = Module.build("m", [parse_tf("main.tf", tf.encode())])
    manifest = terraform_manifest(module, module.resources[0])
    assert isinstance(manifest.get(key).value, Unknown)
    report = _lint(tmp_path, {"main.tf": tf, "others.yaml": _yaml(*OTHERS)})
    assert not [f for f in report.findings if f.rule == "TDL000"]
