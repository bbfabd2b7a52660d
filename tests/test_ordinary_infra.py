"""Infrastructure that is not a Coder workspace stays quiet under every default rule (tests/ordinary_infra/README.md)."""

from __future__ import annotations

from conftest import ROOT, TESTS
from tfdind_lint.linter import Settings, lint


def test_ordinary_infrastructure_stays_quiet(in_root):
    report = lint([str((TESTS / "ordinary_infra").relative_to(ROOT))], Settings())
    assert [f"{f.span}: {f.rule} {f.message}" for f in report.active] == []
    assert report.skipped == []  # `{{ ... }}` in values (Flux, Argo, a ConfigMap) is no reason to skip a file
    assert len([p for p in report.files if p.endswith((".tf", ".yaml"))]) == 7
