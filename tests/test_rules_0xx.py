"""Group 0xx beyond the fixtures: hints, related places of inline templates, local tracing, module calls.

The fixtures' lines and severities are in their ``# expect:`` markers (tests/policies/TDL00n/), their
related places, subjects and messages in each directory's findings.txt (tests/test_policy_fixtures.py).
"""

from __future__ import annotations

from tfdind_lint.context import Context, Unit
from tfdind_lint.linter import lint
from tfdind_lint.module import Module
from tfdind_lint.settings import RunSettings
from tfdind_lint.sources import terraform


def module(text: str, directory: str = ".") -> Module:
    return Module.build(directory, [terraform.parse_file(f"{directory}/main.tf", text.encode())])


def test_tdl002_hint_adds_the_owner_data_source_only_when_missing(in_root):
    hints = {f.span.path.rsplit("/", 2)[-2]: f.hint for f in lint(["tests/policies/TDL002"], RunSettings(enabled={"TDL002"})).findings}
    assert hints["unpinned"] == "use `data.coder_workspace_owner.me.id`"
    assert hints["pinned_v1"] == 'use `data.coder_workspace_owner.me.full_name`, declaring `data "coder_workspace_owner" "me" {}`'


def test_tdl007_declaration_block_is_related(tmp_path, monkeypatch):
    (tmp_path / "main.tf").write_text(
        'terraform {\n  required_providers {\n    coder = { source = "coder/coder" }\n  }\n}\n\n'
        'resource "docker_image" "base" {\n  name = "ubuntu"\n}\n')
    monkeypatch.chdir(tmp_path)
    (finding,) = lint(["."], RunSettings(enabled={"TDL007"})).findings
    assert (finding.span.line, [(r.span.line, r.message) for r in finding.related]) == (
        7, [(2, "declare `docker` here")])
    assert 'docker = { source = "kreuzwerker/docker" }' in finding.hint


def test_trace_follows_locals_calls_and_conditions():
    m = module('''
variable "on" {
  default = false
}
locals {
  owner = data.coder_workspace_owner.me.name
  name  = "coder-${local.owner}-${lower(data.coder_workspace.me.name)}"
  pick  = var.on ? data.coder_workspace.me.owner : "fixed"
  count = length([for x in var.list : x if x != data.coder_workspace.me.id])
  loop  = local.loop
}
''')
    traces = m.trace(m.locals["name"])
    assert [(t.reference.text, t.calls, tuple(n for n, _ in t.via), t.flows) for t in traces] == [
        ("data.coder_workspace_owner.me.name", (), ("owner",), True),
        ("data.coder_workspace.me.name", ("lower",), (), True),
    ]
    # a known condition picks its branch; the condition itself only decides
    assert [(t.reference.text, t.flows) for t in m.trace(m.locals["pick"])] == [("var.on", False)]
    assert [(t.reference.text, t.calls, t.flows) for t in m.trace(m.locals["count"])] == [
        ("var.list", ("length",), False), ("data.coder_workspace.me.id", ("length",), False)]
    assert [t.reference.text for t in m.trace(m.locals["loop"])] == ["local.loop"]  # a cycle stops


def test_configurations_follow_local_module_calls():
    root = module('module "a" {\n  source = "./modules/a"\n}\nmodule "r" {\n  source = "registry.coder.com/x/y"\n}\n', "root")
    other = module('module "a" {\n  source = "../root/modules/a"\n}\n', "other")
    child = module('module "b" {\n  source = "../b"\n}\n', "root/modules/a")
    grandchild = module("", "root/modules/b")
    lone = module("", "lone")
    units = [Unit(m.directory, module=m) for m in (root, other, child, grandchild, lone)]
    ctx = Context(units)
    ctx.project = ctx
    assert root.local_calls()[0][0] == "root/modules/a"
    assert [m.directory for m, _ in ctx.callers(child)] == ["root", "other"]
    directories = [[m.directory for m in c] for c in ctx.configurations(grandchild)]
    assert directories == [["other", "root/modules/a", "root/modules/b"], ["root", "root/modules/a", "root/modules/b"]]
    assert [[m.directory for m in c] for c in ctx.configurations(lone)] == [["lone"]]


def test_undeclared_reference_suggests_typos_not_siblings():
    from tfdind_lint.rules.general.helpers import closest

    candidates = ["data.coder_workspace.me", "docker_network.private_network", "local.images"]
    assert closest("data.coder_provisioner.me", candidates, by_tokens=False) is None
    assert closest("docker_network.privat_network", candidates, by_tokens=False) == "docker_network.private_network"
    assert closest("local.image", candidates, by_tokens=False) == "local.images"


def test_hints_name_the_working_directory_as_dot(tmp_path, monkeypatch):
    # files directly in the working directory: every hint that names the module directory says ./
    (tmp_path / "main.tf").write_text(
        'resource "coder_agent" "main" {\n  os = "linux"\n}\n\n'
        'resource "kubernetes_namespace" "coder" {\n  metadata {\n    name = var.name\n  }\n}\n\n'
        'output "id" {\n  value = local.id\n}\n')
    monkeypatch.chdir(tmp_path)
    report = lint(["."], RunSettings(enabled={"TDL001", "TDL007", "TDL009", "TDL010"}))
    hints = {f.rule: f.hint for f in report.findings}
    assert sorted(hints) == ["TDL001", "TDL007", "TDL009", "TDL010"]
    assert hints["TDL001"] == 'declare `variable "name"` in a file of ./'
    assert "no `required_providers` in ./ declares it" in hints["TDL007"]
    assert "or user data in ./ runs it" in hints["TDL009"]
    assert hints["TDL010"] == "declare it: there is no `id = ...` in a `locals` block in any file of ./"
