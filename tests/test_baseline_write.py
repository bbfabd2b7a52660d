"""Writing a baseline byte for byte (order, layout, kept entries) and how `apply` pairs entries with findings."""

from __future__ import annotations

import json

from tfdind_lint.baseline import FORMAT, Baseline, Entry, write
from tfdind_lint.finding import Finding, Severity
from tfdind_lint.node import Span

#: kept entries as a user may have trimmed or written them, deliberately out of order
KEPT = [
    {"rule": "TDL401", "path": "../a.tf", "line": 1},
    {"rule": "TDL402", "path": "../a.tf"},  # no line: sorts as line 0, before line 1 whatever its rule
    {"rule": "TDL401", "path": "../a.tf", "line": 5, "subject": "x"},
    {"rule": "TDL401", "path": "../a.tf", "line": 5, "subject": "w"},
    {"rule": "TDL401", "path": "../a.tf", "line": 6, "subject": "s", "attribute": "z"},
    {"rule": "TDL401", "path": "../a.tf", "line": 6, "subject": "s", "attribute": "y"},
    {"rule": "TDL401", "path": "../a.tf", "line": 7, "subject": "s", "attribute": "a", "message": "m2"},
    {"rule": "TDL401", "path": "../a.tf", "line": 7, "subject": "s", "attribute": "a", "message": "café ✓"},
    {"rule": "TDL401", "path": "../a.tf", "line": 8, "subject": "s", "attribute": "a", "message": "A"},
    {"rule": "TDL401", "path": "../a.tf", "line": 8, "subject": "s", "attribute": "a"},  # no message: before "A"
]

WRITTEN = """{
  "tool": "tfdind-lint",
  "format": 1,
  "findings": [
    {
      "rule": "TDL402",
      "path": "../a.tf"
    },
    {
      "rule": "TDL401",
      "path": "../a.tf",
      "line": 1
    },
    {
      "rule": "TDL401",
      "path": "../a.tf",
      "line": 5,
      "subject": "w"
    },
    {
      "rule": "TDL401",
      "path": "../a.tf",
      "line": 5,
      "subject": "x"
    },
    {
      "rule": "TDL401",
      "path": "../a.tf",
      "line": 6,
      "subject": "s",
      "attribute": "y"
    },
    {
      "rule": "TDL401",
      "path": "../a.tf",
      "line": 6,
      "subject": "s",
      "attribute": "z"
    },
    {
      "rule": "TDL401",
      "path": "../a.tf",
      "line": 7,
      "subject": "s",
      "attribute": "a",
      "message": "café ✓"
    },
    {
      "rule": "TDL401",
      "path": "../a.tf",
      "line": 7,
      "subject": "s",
      "attribute": "a",
      "message": "m2"
    },
    {
      "rule": "TDL401",
      "path": "../a.tf",
      "line": 8,
      "subject": "s",
      "attribute": "a"
    },
    {
      "rule": "TDL401",
      "path": "../a.tf",
      "line": 8,
      "subject": "s",
      "attribute": "a",
      "message": "A"
    }
  ]
}
"""


def test_kept_entries_are_written_in_order_relative_to_the_baseline_with_its_layout(tmp_path, monkeypatch):
    """The file is reviewed in pull requests: a stable order (path, line, rule, subject, attribute, message),
    two-space indentation, text as written (not \\u escapes), paths relative to the baseline's directory
    even when the working directory is elsewhere."""
    (tmp_path / "ci").mkdir()
    source = tmp_path / "ci" / "old.json"
    source.write_text(json.dumps({"tool": "tfdind-lint", "format": FORMAT, "findings": KEPT}), encoding="utf-8")
    baseline = Baseline.load(str(source))
    assert baseline.apply([], lambda rule, path: False) == 0  # nothing judged: every entry kept
    monkeypatch.chdir(tmp_path)
    assert write("ci/new.json", [], baseline) == (0, len(KEPT))
    assert (tmp_path / "ci" / "new.json").read_text(encoding="utf-8") == WRITTEN


def _finding(path, line, excerpt_line, subject="docker_container.dind", attribute="privileged"):
    return Finding(Span(str(path), line, 1, line, len(excerpt_line) + 1), "TDL401", "privileged-sidecar-unacknowledged",
                   Severity.WARNING, "message", subject, attribute)


def test_an_entry_pairs_by_its_text_before_the_nearest_line(tmp_path):
    main = tmp_path / "main.tf"
    main.write_text("a = 1\nprivileged = true\n", encoding="utf-8")
    finding = _finding(main, 2, "privileged = true")
    near = Entry("TDL401", str(main), "docker_container.dind", "privileged", "privileged = var.x", 2, "near")
    same_text = Entry("TDL401", str(main), "docker_container.dind", "privileged", "privileged = true", 40, "same text")
    baseline = Baseline("b.json", [near, same_text])
    assert baseline.apply([finding], {str(main)}) == 1
    assert baseline.matched[id(finding)].reason == "same text"
    assert finding.suppressed.reason == "same text"


def test_a_subject_alone_or_an_attribute_alone_pairs_by_the_nearest_line(tmp_path):
    main = tmp_path / "main.tf"
    main.write_text("a = 1\nprivileged = true\n", encoding="utf-8")
    for subject, attribute in (("docker_container.dind", ""), ("", "privileged")):
        finding = _finding(main, 2, "privileged = true", subject, attribute)
        entry = Entry("TDL401", str(main), subject, attribute, "the text changed", 9)
        assert Baseline("b.json", [entry]).apply([finding], {str(main)}) == 0, (subject, attribute)
        assert finding.suppressed.kind == "baseline"
    # neither: only the same text pairs
    finding = _finding(main, 2, "privileged = true", "", "")
    entry = Entry("TDL401", str(main), "", "", "the text changed", 2)
    assert Baseline("b.json", [entry]).apply([finding], {str(main)}) == 1
    assert finding.suppressed is None


def test_an_entry_of_an_existing_file_the_run_did_not_lint_is_kept(tmp_path):
    linted, other = tmp_path / "linted.tf", tmp_path / "other.tf"
    for path in (linted, other):
        path.write_text("privileged = true\n", encoding="utf-8")
    entry = Entry("TDL401", str(other), "docker_container.dind", "privileged", "privileged = true", 1)
    gone = Entry("TDL401", str(tmp_path / "gone.tf"), "docker_container.gone", "privileged", "privileged = true", 1)
    baseline = Baseline("b.json", [entry, gone])
    assert baseline.apply([], {str(linted)}) == 1  # the deleted file's entry is stale
    assert baseline.kept == [entry]
