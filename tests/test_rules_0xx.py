"""Group 0xx beyond lines: severities that depend on other places, related places, local tracing, module calls."""

from __future__ import annotations

from tfdind_lint.context import Context, Unit
from tfdind_lint.linter import Settings, lint
from tfdind_lint.module import Module
from tfdind_lint.sources import terraform


def run(rule: str, path: str):
    """(file, line, severity, [(related file, line, column)]) of a rule's findings under a fixture path."""
    report = lint([path], Settings(enabled={rule}))
    return [(f.span.path.rsplit("/", 2)[-2] + "/" + f.span.path.rsplit("/", 1)[-1], f.span.line, str(f.severity),
             [(r.span.path.rsplit("/", 1)[-1], r.span.line, r.span.column) for r in f.related])
            for f in report.findings if f.rule == rule]


def module(text: str, directory: str = ".") -> Module:
    return Module.build(directory, [terraform.parse_file(f"{directory}/main.tf", text.encode())])


def test_tdl002_severity_follows_the_coder_constraint(in_root):
    # required without a version: that entry is the related place
    unpinned = [("main.tf", 4, 5)]
    assert run("TDL002", "tests/policies/TDL002/unpinned") == [
        ("unpinned/main.tf", 17, "error", unpinned), ("unpinned/main.tf", 24, "error", unpinned),
        ("unpinned/main.tf", 30, "error", unpinned)]
    assert run("TDL002", "tests/policies/TDL002/pinned_v1") == [("pinned_v1/main.tf", 17, "warning", [("main.tf", 6, 7)])]
    assert run("TDL002", "tests/policies/TDL002/pinned_old") == []
    # the root's constraint governs its child module
    assert run("TDL002", "tests/policies/TDL002/child") == [("workspace/main.tf", 12, "warning", [("main.tf", 6, 7)])]


def test_tdl002_hint_adds_the_owner_data_source_only_when_missing(in_root):
    hints = {f.span.path.rsplit("/", 2)[-2]: f.hint for f in lint(["tests/policies/TDL002"], Settings(enabled={"TDL002"})).findings}
    assert hints["unpinned"] == "use `data.coder_workspace_owner.me.id`"
    assert hints["pinned_v1"] == 'use `data.coder_workspace_owner.me.full_name`, declaring `data "coder_workspace_owner" "me" {}`'


def test_tdl003_constraint_lock_file_and_note(in_root):
    assert run("TDL003", "tests/policies/TDL003") == [
        ("locked_old/main.tf", 15, "error", [(".terraform.lock.hcl", 5, 3)]),
        ("old/main.tf", 17, "error", [("main.tf", 7, 7)]),
        ("ranges/main.tf", 30, "error", [("main.tf", 6, 7)]),
        ("unconstrained/main.tf", 15, "note", [("main.tf", 4, 5)]),
    ]


def test_tdl004_names_the_local_it_came_through(in_root):
    findings = [f for f in lint(["tests/policies/TDL004/bad"], Settings(enabled={"TDL004"})).findings if f.span.line == 38]
    (finding,) = findings
    assert finding.attribute == "metadata.name"
    assert [(r.span.line, r.message) for r in finding.related] == [
        (12, "`local.pod_name` includes `data.coder_workspace_owner.me.name` and `data.coder_workspace.me.name` here")]


def test_tdl006_related_is_the_init_script(in_root):
    assert run("TDL006", "tests/policies/TDL006/bad") == [
        ("bad/main.tf", 14, "error", [("main.tf", 19, 26)]),
        ("bad/main.tf", 35, "error", [("main.tf", 32, 30)]),
        ("bad/main.tf", 38, "error", [("main.tf", 41, 30)]),
    ]


def test_tdl007_severities_and_child_modules(in_root):
    assert run("TDL007", "tests/policies/TDL007") == [
        ("agent/main.tf", 3, "error", [("main.tf", 4, 5)]),  # the root declares coder: not inherited
        ("pod/main.tf", 6, "note", []),  # child_unpinned: neither the child nor its root pins kubernetes
        ("fragment/main.tf", 2, "error", []),
        ("fragment/main.tf", 13, "error", []),
        ("fragment/main.tf", 19, "note", []),
        ("no_source/main.tf", 4, "error", [("main.tf", 12, 1)]),
        ("no_source/main.tf", 7, "error", [("main.tf", 17, 1)]),
        # the parameter fixture under the defaults: `acme` is no HashiCorp provider, `random` is
        ("param_lists/main.tf", 5, "error", [("main.tf", 19, 1)]),
    ]


def test_tdl007_declaration_block_is_related(tmp_path, monkeypatch):
    (tmp_path / "main.tf").write_text(
        'terraform {\n  required_providers {\n    coder = { source = "coder/coder" }\n  }\n}\n\n'
        'resource "docker_image" "base" {\n  name = "ubuntu"\n}\n')
    monkeypatch.chdir(tmp_path)
    (finding,) = lint(["."], Settings(enabled={"TDL007"})).findings
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
