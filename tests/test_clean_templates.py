"""Correct templates modelled on the official Coder templates stay quiet (tests/clean_templates/README.md)."""

from __future__ import annotations

from conftest import ROOT, TESTS
from tfdind_lint.linter import lint
from tfdind_lint.policy import builtin_policies
from tfdind_lint.settings import RunSettings

#: the rules these templates are checked against: the Sysbox (1xx), envbox (2xx), Podman / Bottlerocket (3xx)
#: and manifest / systemd (5xx) groups as enabled by default, and TDL412, which leaves Sysbox workloads to TDL103
RULES = {r for r, p in builtin_policies().items() if r.startswith(("TDL1", "TDL2", "TDL3", "TDL5")) and p.enabled}
RULES |= {"TDL412"}


def test_clean_templates_stay_quiet(in_root):
    report = lint([str((TESTS / "clean_templates").relative_to(ROOT))], RunSettings(enabled=RULES))
    assert [f"{f.span}: {f.rule} {f.message}" for f in report.active] == []
    assert len([p for p in report.files if p.endswith((".tf", ".yaml"))]) == 8
