"""Every rule against its fixtures: tests/policies/<TDLnnn>/ files with ``# expect: TDLnnn`` markers.

Each marker item is one finding of the rule on that line (``TDL404 x2``: two), at a
column if it names one (``TDL404@17``), with a severity if it names one
(``TDL402 note``); the rule's findings must be exactly the marked ones, so a marked
line must fire as often as marked and every other line must stay quiet.

Each fixture directory also has ``findings.txt``: the rule's full findings (span,
severity, subject and attribute, owner, message, hint, related locations), reviewed
like code.  After an intended change, regenerate with
``TFDIND_UPDATE_GOLDEN=1 python -m pytest tests/test_policy_fixtures.py`` and review the diff.

A rule that looks across files (``PROJECT_SCOPED``) sees each entry of its fixture
directory as a project of its own, so that "only one side in scope" can be a clean
fixture.  A fixture directory holding a ``.tfdind-lint.yaml`` is linted through the
configuration machinery (the rule selected as by ``--select``), so a fixture sets a
rule's parameters the way a user does.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import ROOT, TESTS, Marker, markers
from tfdind_lint.config import Configuration, Selection
from tfdind_lint.finding import Finding
from tfdind_lint.linter import lint
from tfdind_lint.rules import PROJECT_SCOPED
from tfdind_lint.settings import RunSettings

RULE_DIRS = sorted(p for p in (TESTS / "policies").iterdir() if p.is_dir())
#: Rules about suppressions: they need the suppressed rules to run too (a suppression of a rule
#: that did not run is never called unused), so their fixtures run every default rule.
SUPPRESSION_RULES = {"TDL900", "TDL901"}
SNAPSHOT = "findings.txt"
CONFIG_FILE = ".tfdind-lint.yaml"


def rule_findings(directory: Path) -> list[Finding]:
    """The findings of the directory's rule over its fixtures (run from the repository root)."""
    rule = directory.name
    projects = sorted(p for p in directory.iterdir() if p.name != SNAPSHOT) if rule in PROJECT_SCOPED else [directory]
    found = []
    for project in projects:
        path = str(project.relative_to(ROOT))
        if any(project.rglob(CONFIG_FILE)):
            selection = Selection() if rule in SUPPRESSION_RULES else Selection(select=(rule,))
            settings = RunSettings(configuration=Configuration([path], selection=selection))
        else:
            settings = RunSettings() if rule in SUPPRESSION_RULES else RunSettings(enabled={rule})
        # an internal error (TDL999: a check crashed) fails every rule's fixtures, whichever check it was
        found += [f for f in lint([path], settings).active if f.rule in (rule, "TDL999")]
    return found


def unmatched(expected: list[Marker], findings: list[Finding]) -> tuple[list[Marker], list[Finding]]:
    """The marker items no finding answers and the findings no marker item announced.

    Each item of a marker with a count is that many items; items with a column or a
    severity are matched first, so an unconstrained item never takes their finding.
    """
    items = sorted((m for m in expected for _ in range(m.count)), key=lambda m: (m.column is None, m.severity is None))
    left = list(findings)
    missing = []
    for item in items:
        for finding in left:
            if ((finding.span.path, finding.span.line) == (item.path, item.line)
                    and item.column in (None, finding.span.column) and item.severity in (None, str(finding.severity))):
                left.remove(finding)
                break
        else:
            missing.append(item)
    return missing, left


def snapshot(findings: list[Finding]) -> str:
    """A readable record of every field a user sees of each finding."""
    def where(span):
        return f"{span.path}:{span.line}:{span.column}-{span.end_line}:{span.end_column}"

    lines = []
    for f in sorted(findings, key=Finding.sort_key):
        # the owner is where a suppression on the object's first line applies: it counts as much as the span
        owner = f" owner {f.owner.line}:{f.owner.column}-{f.owner.end_line}:{f.owner.end_column}" if f.owner else ""
        lines.append(f"{where(f.span)} {f.rule} {f.severity} {f.subject or '-'} {f.attribute or '-'}{owner}")
        lines.append(f"    {f.message}")
        if f.hint:
            lines.append(f"    hint: {f.hint}")
        for related in f.related:
            lines.append(f"    related {where(related.span)}: {related.message}")
    return "\n".join(lines) + "\n" if lines else "(no findings)\n"


@pytest.mark.parametrize("directory", RULE_DIRS, ids=[p.name for p in RULE_DIRS])
def test_rule_fixtures(directory, in_root):
    rule = directory.name
    found = rule_findings(directory)
    missing, unexpected = unmatched([m for m in markers(directory) if m.rule == rule], found)
    assert not missing and not unexpected, "\n".join(
        ["missing (marked, not found):"] + [f"  {m}" for m in missing]
        + ["unexpected (found, not marked):"]
        + [f"  {f.span.path}:{f.span.line}:{f.span.column}: {f.rule} {f.severity} {f.message}" for f in unexpected]
    )


@pytest.mark.parametrize("directory", RULE_DIRS, ids=[p.name for p in RULE_DIRS])
def test_rule_snapshot(directory, in_root):
    # its own run, not the one above: a mutation tester maps each test to the code it runs
    path = directory / SNAPSHOT
    text = snapshot(rule_findings(directory))
    if os.environ.get("TFDIND_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path.relative_to(ROOT)} is missing; see the module docstring"
    assert text == path.read_text(encoding="utf-8"), f"{path.relative_to(ROOT)} differs; see the module docstring"


CONFIGURED = sorted({p.parent for p in (TESTS / "policies").rglob(CONFIG_FILE)})


@pytest.mark.parametrize("directory", CONFIGURED, ids=[p.relative_to(TESTS / "policies").as_posix() for p in CONFIGURED])
def test_a_configured_fixture_changes_the_outcome(directory, in_root):
    """A fixture that sets a parameter must show what it changes: its findings differ from the defaults'."""
    rule = directory.relative_to(TESTS / "policies").parts[0]
    path = str(directory.relative_to(ROOT))
    configured = lint([path], RunSettings(configuration=Configuration([path], selection=Selection(select=(rule,)))))
    default = lint([path], RunSettings(enabled={rule}))
    assert snapshot([f for f in configured.active if f.rule == rule]) != snapshot([f for f in default.active if f.rule == rule])


def test_a_marker_counts_each_finding_and_checks_its_column_and_severity():
    """The matcher itself: a count, a column and a severity each make a difference."""
    from tfdind_lint.finding import Severity
    from tfdind_lint.node import Span

    def finding(column, severity=Severity.ERROR):
        return Finding(Span("f.tf", 3, column, 3, column + 1), "TDL404", "x", severity, "m")

    two = [finding(5), finding(9, Severity.NOTE)]
    assert unmatched([Marker("f.tf", 3, "TDL404")], two) == ([], [two[1]])
    assert unmatched([Marker("f.tf", 3, "TDL404", count=2)], two) == ([], [])
    assert unmatched([Marker("f.tf", 3, "TDL404", count=3)], two)[0] == [Marker("f.tf", 3, "TDL404", count=3)]
    assert unmatched([Marker("f.tf", 3, "TDL404", column=9), Marker("f.tf", 3, "TDL404")], two) == ([], [])
    assert unmatched([Marker("f.tf", 3, "TDL404", column=7)], two[:1])[1] == two[:1]
    assert unmatched([Marker("f.tf", 3, "TDL404", severity="note")], two) == ([], [two[0]])
    assert unmatched([Marker("f.tf", 4, "TDL404")], two[:1]) == ([Marker("f.tf", 4, "TDL404")], two[:1])
