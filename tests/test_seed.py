"""The seed page's own examples (tests/seed/, extracted from ../shared/seed/docker-in-workspaces.md).

Linted with the default rules, the seed examples give exactly the findings of
``tests/seed/findings.txt``: the ``full`` report, each finding with the lines it points at,
reviewed like code.  After an intended change, regenerate it with
``TFDIND_UPDATE_GOLDEN=1 python -m pytest tests/test_seed.py`` and review the diff.  What it holds:

- ex00 (Sysbox/Docker fragment): TDL002 (owner; coder unpinned: error), TDL005 (no count), TDL007 (coder,
  docker not in required_providers), TDL010 (data.coder_provisioner.me and data.coder_workspace.me not
  declared).  Passes TDL101.
- ex01 (Sysbox/K8s): TDL002, TDL004; passes TDL102 and TDL003 (the exact 2.16.0 pin).
- ex03 (envbox pull secret): passes TDL207.  ex04 (FUSE DaemonSet): TDL302 needs a workspace in scope
  (test_seed_2xx_3xx.py pairs it with one).  ex08 / ex10 (Bottlerocket): no finding.
- ex11 (dind/Docker): TDL401, TDL402 (0.0.0.0:2375, error), TDL403, TDL406 (the dind container's missing
  count is TDL406's, not TDL005's), TDL407 (``entrypoint = ["dockerd", ...]``), TDL007 (coder, docker), TDL010
  (data.coder_workspace.me).  Passes TDL404, TDL405, TDL409.
- ex12 (dind/K8s): TDL001 (did you mean workspaces_namespace), TDL008 note, TDL002, TDL004, TDL401, TDL402 note
  (loopback), TDL403, TDL407 (``command``), TDL409.  Passes TDL408 (``run_as_user = 0``).
- ex13 (systemd/Sysbox/K8s): TDL002, TDL004 (the agent's init script inside the ``<<EOF`` command still
  counts); passes TDL501, TDL502 and TDL503 (test_seed_1xx_5xx.py breaks each).
"""

from __future__ import annotations

import os
import sys

import pytest

from conftest import ROOT, TESTS, shared_file
from tfdind_lint.formats import Options, render
from tfdind_lint.linter import lint
from tfdind_lint.settings import RunSettings

SNAPSHOT = TESTS / "seed" / "findings.txt"


def test_seed_examples_give_exactly_the_snapshot(in_root):
    settings = RunSettings()
    report = lint(["tests/seed"], settings)
    assert report.findings == report.active  # nothing suppressed: the snapshot shows every finding
    text = render("full", report, settings, Options(quiet=True))
    if os.environ.get("TFDIND_UPDATE_GOLDEN"):
        SNAPSHOT.write_text(text, encoding="utf-8")
    assert text == SNAPSHOT.read_text(encoding="utf-8"), "tests/seed/findings.txt differs; see the module docstring"


def test_ex12_suggests_the_declared_variable(in_root):
    report = lint(["tests/seed/ex12"], RunSettings(enabled={"TDL001"}))
    (finding,) = report.active
    assert finding.hint.splitlines()[0] == "did you mean `var.workspaces_namespace`?"


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
