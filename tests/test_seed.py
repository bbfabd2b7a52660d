"""The seed page's own examples (tests/seed/, extracted from ../shared/seed/docker-in-workspaces.md).

RULES.md's "Seed-example expectations" table, for the rules of the foundation:
TDL001, TDL010, TDL101, TDL401, TDL412. (Other rule families have their own seed tests.)
"""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT, TESTS, shared_file
from tfdind_lint.linter import Settings, lint

RULES = {"TDL000", "TDL001", "TDL010", "TDL101", "TDL401", "TDL412"}

EXPECTED = {
    # ex00 (Sysbox/Docker fragment): data.coder_workspace.me and data.coder_provisioner.me are not declared;
    # it passes TDL101 (runtime = "sysbox-runc")
    ("ex00/main.tf", 3, 22, "TDL010"),
    ("ex00/main.tf", 3, 61, "TDL010"),
    ("ex00/main.tf", 12, 20, "TDL010"),
    # ex11 (privileged dind on Docker): the privileged sidecar, and data.coder_workspace.me undeclared
    ("ex11/main.tf", 7, 21, "TDL010"),
    ("ex11/main.tf", 12, 3, "TDL401"),
    ("ex11/main.tf", 13, 24, "TDL010"),
    ("ex11/main.tf", 21, 13, "TDL010"),
    ("ex11/main.tf", 23, 20, "TDL010"),
    # ex12 (privileged dind on Kubernetes): var.namespace vs workspaces_namespace; the privileged sidecar
    ("ex12/main.tf", 28, 17, "TDL001"),
    ("ex12/main.tf", 36, 9, "TDL401"),
    # ex01 and ex13 (Sysbox on Kubernetes, systemd): nothing from these rules; they pass TDL101
}


def test_seed_examples_give_exactly_the_expected_findings(in_root):
    report = lint(["tests/seed"], Settings(enabled=RULES))
    found = {(f.span.path.removeprefix("tests/seed/"), f.span.line, f.span.column, f.rule) for f in report.active}
    assert found == EXPECTED


def test_ex12_suggests_the_declared_variable(in_root):
    report = lint(["tests/seed/ex12"], Settings(enabled={"TDL001"}))
    (finding,) = report.active
    assert finding.hint == "did you mean `var.workspaces_namespace`?"
    assert [(r.span.line, r.span.column) for r in finding.related] == [(13, 1)]


def test_fixtures_match_the_seed_page():
    seed = shared_file("seed/docker-in-workspaces.md")
    sys.path.insert(0, str(TESTS / "seed"))
    try:
        import extract
    finally:
        sys.path.pop(0)
    for target, body in extract.fixtures(seed.read_text(encoding="utf-8")).items():
        assert (TESTS / "seed" / target).read_text(encoding="utf-8") == body, f"tests/seed/{target} differs from the seed page"


@pytest.mark.parametrize("example", ["ex00", "ex01", "ex11", "ex12", "ex13"])
def test_terraform_examples_parse(example):
    report = lint([str(ROOT / "tests" / "seed" / example)], Settings(enabled=set()))
    assert [f for f in report.findings if f.rule == "TDL000"] == []
