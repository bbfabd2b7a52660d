"""Every rule against its fixtures: tests/policies/<TDLnnn>/ files with ``# expect: TDLnnn`` markers.

The exact set of (file, line) of a rule's findings must equal the set of its
markers: a marked line must fire, every other line must stay quiet.  A rule
that looks across files (``PROJECT_SCOPED``) sees each entry of its fixture
directory as a project of its own, so that "only one side in scope" can be a
clean fixture.
"""

from __future__ import annotations

import pytest

from conftest import ROOT, TESTS, expectations
from tfdind_lint.checks import PROJECT_SCOPED
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
    projects = sorted(directory.iterdir()) if rule in PROJECT_SCOPED else [directory]
    active = [f for project in projects
              for f in lint([str(project.relative_to(ROOT))], settings).active if f.rule == rule]
    found = {(f.span.path, f.span.line) for f in active}
    assert found == expected, "\n".join(
        [f"missing (marked, not found): {sorted(expected - found)}", f"unexpected (found, not marked): {sorted(found - expected)}"]
        + [f"  {f.span}: {f.rule} {f.message}" for f in active if (f.span.path, f.span.line) not in expected]
    )
