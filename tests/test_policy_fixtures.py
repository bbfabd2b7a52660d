"""Every rule against its fixtures: tests/policies/<TDLnnn>/ files with ``# expect: TDLnnn`` markers.

The exact set of (file, line) of a rule's findings must equal the set of its
markers: a marked line must fire, every other line must stay quiet.
"""

from __future__ import annotations

import pytest

from conftest import ROOT, TESTS, expectations
from tfdind_lint.linter import Settings, lint

RULE_DIRS = sorted(p for p in (TESTS / "policies").iterdir() if p.is_dir())
#: Rules about suppressions: they need the suppressed rules to run too (a suppression of a rule
#: that did not run is never called unused), so their fixtures run every default rule.
SUPPRESSION_RULES = {"TDL900", "TDL901"}


@pytest.mark.parametrize("directory", RULE_DIRS, ids=[p.name for p in RULE_DIRS])
def test_rule_fixtures(directory, in_root):
    rule = directory.name
    expected = {(path, line) for path, line, r in expectations(directory) if r == rule}
    settings = Settings() if rule in SUPPRESSION_RULES else Settings(enabled={rule})
    report = lint([str(directory.relative_to(ROOT))], settings)
    found = {(f.span.path, f.span.line) for f in report.active if f.rule == rule}
    assert found == expected, "\n".join(
        [f"missing (marked, not found): {sorted(expected - found)}", f"unexpected (found, not marked): {sorted(found - expected)}"]
        + [f"  {f.span}: {f.rule} {f.message}" for f in report.active if f.rule == rule and (f.span.path, f.span.line) not in expected]
    )
