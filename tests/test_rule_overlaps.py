"""Where two rules could report one mistake, exactly one does.

Each case lints a fixture directory with several rules enabled and compares every
finding of those rules with the ``# expect:`` markers for them (markers of other
rules in a fixture directory are inert for that rule's own fixture test).
"""

from __future__ import annotations

import pytest

from conftest import ROOT, TESTS, expectations
from tfdind_lint.linter import lint
from tfdind_lint.settings import RunSettings

CASES = {
    # privilege on the Sysbox runtime: TDL103, not TDL412 (nor TDL401 / TDL101)
    "TDL412/sysbox": {"TDL103", "TDL412", "TDL401", "TDL101"},
    # a privileged dind sidecar in a Sysbox pod: TDL103 only, not TDL401
    "TDL401/clean": {"TDL103", "TDL401", "TDL412"},
    # envbox on the Sysbox runtime: TDL106, not TDL103 (privileged), TDL412 / TDL401 or TDL101
    "TDL106/bad": {"TDL106", "TDL103", "TDL412", "TDL401", "TDL101"},
    # host namespaces of a Sysbox pod with hostUsers: false: TDL104, not TDL506
    "TDL506/good": {"TDL506", "TDL104"},
    # envbox on Sysbox with the host's /var/lib/docker: TDL106 (and TDL205's business), not TDL105
    "TDL105/good": {"TDL105", "TDL106"},
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_one_report_per_mistake(case, in_root):
    rules = CASES[case]
    directory = TESTS / "policies" / case
    expected = {(path, line, rule) for path, line, rule in expectations(directory) if rule in rules}
    report = lint([str(directory.relative_to(ROOT))], RunSettings(enabled=rules))
    found = {(f.span.path, f.span.line, f.rule) for f in report.active if f.rule in rules}
    assert found == expected
