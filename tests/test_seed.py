"""The seed page's own examples (tests/seed/, extracted from ../shared/seed/docker-in-workspaces.md).

RULES.md's "Seed-example expectations" table, whole: linted with the default rules, the seed
examples give exactly these findings and nothing else. (The group tests test_seed_0xx.py ...
test_seed_4xx.py also check severities and the variants of each example.)
"""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT, TESTS, shared_file
from tfdind_lint.linter import lint
from tfdind_lint.settings import RunSettings

EXPECTED = {
    # ex00 (Sysbox/Docker fragment): TDL002 (owner; coder unpinned -> error), TDL005 (no count),
    # TDL007 (coder, docker not in required_providers), TDL010 (data.coder_provisioner.me and
    # data.coder_workspace.me not declared). Passes TDL101.
    ("ex00/main.tf", 1, 1, "TDL005"),
    ("ex00/main.tf", 1, 1, "TDL007"),
    ("ex00/main.tf", 3, 22, "TDL002"),
    ("ex00/main.tf", 3, 22, "TDL010"),
    ("ex00/main.tf", 3, 61, "TDL010"),
    ("ex00/main.tf", 11, 1, "TDL007"),
    ("ex00/main.tf", 12, 20, "TDL010"),
    # ex01 (Sysbox/K8s): TDL002, TDL004; passes TDL102 and TDL003 (exact 2.16.0)
    ("ex01/main.tf", 33, 5, "TDL004"),
    ("ex01/main.tf", 33, 26, "TDL002"),
    # ex03 (envbox pull secret): passes TDL207. ex04 (FUSE DaemonSet): TDL302 needs a workspace in scope
    # (test_seed_2xx_3xx.py pairs it with one). ex08 / ex10 (Bottlerocket): no finding.
    # ex11 (dind/Docker): TDL401, TDL402 (0.0.0.0:2375), TDL403, TDL406, TDL407, TDL007 (coder, docker),
    # TDL010 (data.coder_workspace.me). Passes TDL404/TDL405/TDL409.
    ("ex11/main.tf", 1, 1, "TDL007"),
    ("ex11/main.tf", 6, 1, "TDL007"),
    ("ex11/main.tf", 7, 21, "TDL010"),
    ("ex11/main.tf", 10, 1, "TDL406"),
    ("ex11/main.tf", 12, 3, "TDL401"),
    ("ex11/main.tf", 13, 24, "TDL010"),
    ("ex11/main.tf", 14, 3, "TDL407"),
    ("ex11/main.tf", 14, 34, "TDL402"),
    ("ex11/main.tf", 21, 13, "TDL010"),
    ("ex11/main.tf", 23, 20, "TDL010"),
    ("ex11/main.tf", 27, 5, "TDL403"),
    # ex12 (dind/K8s): TDL001 (did you mean workspaces_namespace), TDL008 note, TDL002, TDL004, TDL401,
    # TDL402 note (loopback), TDL403, TDL407 (command), TDL409. Passes TDL408 (run_as_user = 0).
    ("ex12/main.tf", 13, 1, "TDL008"),
    ("ex12/main.tf", 27, 5, "TDL004"),
    ("ex12/main.tf", 27, 26, "TDL002"),
    ("ex12/main.tf", 28, 17, "TDL001"),
    ("ex12/main.tf", 32, 5, "TDL409"),
    ("ex12/main.tf", 36, 9, "TDL401"),
    ("ex12/main.tf", 39, 7, "TDL407"),
    ("ex12/main.tf", 39, 35, "TDL402"),
    ("ex12/main.tf", 55, 9, "TDL403"),
    # ex13 (systemd/Sysbox/K8s): TDL002, TDL004; passes TDL501/502/503
    ("ex13/main.tf", 28, 5, "TDL004"),
    ("ex13/main.tf", 28, 26, "TDL002"),
}


def test_seed_examples_give_exactly_the_expected_findings(in_root):
    report = lint(["tests/seed"], RunSettings())
    found = {(f.span.path.removeprefix("tests/seed/"), f.span.line, f.span.column, f.rule) for f in report.active}
    assert found == EXPECTED, f"missing: {sorted(EXPECTED - found)}\nunexpected: {sorted(found - EXPECTED)}"


def test_ex12_suggests_the_declared_variable(in_root):
    report = lint(["tests/seed/ex12"], RunSettings(enabled={"TDL001"}))
    (finding,) = report.active
    assert finding.hint.splitlines()[0] == "did you mean `var.workspaces_namespace`?"
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
    report = lint([str(ROOT / "tests" / "seed" / example)], RunSettings(enabled=set()))
    assert [f for f in report.findings if f.rule == "TDL000"] == []
