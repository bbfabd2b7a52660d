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
    {"rule": "TDL401", "path": "../a.tf", "line": 9, "subject": "A"},
    {"rule": "TDL401", "path": "../a.tf", "line": 9},  # no subject: before "A"
    {"rule": "TDL401", "path": "../a.tf", "line": 10, "subject": "s", "attribute": "A"},
    {"rule": "TDL401", "path": "../a.tf", "line": 10, "subject": "s"},  # no attribute: before "A"
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
    },
    {
      "rule": "TDL401",
      "path": "../a.tf",
      "line": 9
    },
    {
      "rule": "TDL401",
      "path": "../a.tf",
      "line": 9,
      "subject": "A"
    },
    {
      "rule": "TDL401",
      "path": "../a.tf",
      "line": 10,
      "subject": "s"
    },
    {
      "rule": "TDL401",
      "path": "../a.tf",
      "line": 10,
      "subject": "s",
      "attribute": "A"
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


def test_the_excerpt_is_the_flagged_text_on_its_first_line(tmp_path):
    """What an entry records to recognise its finding: the span's text on its first line, blanks collapsed."""
    from tfdind_lint.baseline import Excerpts

    crlf, cr, latin = tmp_path / "crlf.tf", tmp_path / "cr.tf", tmp_path / "latin.yaml"
    crlf.write_bytes(b"first  line\r\n  x = [1,  2]  # tail\r\nlast")
    cr.write_bytes(b"one\rtwo  words\rthree")
    latin.write_bytes(b"name: caf\xe9\nimage: docker:dind\n")
    excerpt = Excerpts()

    def at(path, line, column, end_line, end_column):
        return excerpt(Finding(Span(str(path), line, column, end_line, end_column), "TDL401", "n", Severity.WARNING, "m"))

    assert at(crlf, 1, 1, 1, 12) == "first line"  # line 1, blanks collapsed
    assert at(crlf, 2, 3, 2, 14) == "x = [1, 2]"  # from its column to its end column
    assert at(crlf, 2, 3, 2, 8) == "x = ["  # its end column excluded
    assert at(crlf, 2, 8, 3, 2) == "1, 2] # tail"  # a span over two lines: the rest of its first line
    assert at(crlf, 3, 1, 3, 5) == "last"  # the last line, without a line end
    assert at(cr, 2, 1, 2, 11) == "two words"  # CR-only line ends (classic Mac)
    assert at(latin, 2, 1, 2, 20) == "image: docker:dind"  # a file that is not UTF-8 still gives its excerpts
    assert at(latin, 1, 1, 1, 10).startswith("name: caf")
    assert at(crlf, 4, 1, 4, 2) == ""  # past the end
    assert at(crlf, 0, 1, 0, 2) == ""  # no line (a finding about the whole file)
    assert at(tmp_path / "gone.tf", 1, 1, 1, 2) == ""  # the file is gone


def _tf_finding(path, line, subject="docker_container.dind", attribute="privileged"):
    return Finding(Span(str(path), line, 1, line, 18), "TDL401", "n", Severity.WARNING, "m", subject, attribute)


def test_an_entry_without_a_text_match_does_not_stop_the_next_from_pairing(tmp_path):
    main = tmp_path / "main.tf"
    main.write_text("privileged = true\n", encoding="utf-8")
    finding = _tf_finding(main, 1, "", "")
    gone = Entry("TDL401", str(main), "", "", "privileged = false", 1)
    same = Entry("TDL401", str(main), "", "", "privileged = true", 5)
    assert Baseline("b.json", [gone, same]).apply([finding], {str(main)}) == 1
    assert finding.suppressed.kind == "baseline"


def test_the_nearest_line_wins(tmp_path):
    main = tmp_path / "main.tf"
    main.write_text("privileged = true\n" * 10, encoding="utf-8")
    far, near = _tf_finding(main, 2), _tf_finding(main, 9)
    entry = Entry("TDL401", str(main), "docker_container.dind", "privileged", "changed", 10)
    assert Baseline("b.json", [entry]).apply([far, near], {str(main)}) == 0
    assert (far.suppressed, near.suppressed.kind) == (None, "baseline")


def test_a_copy_of_a_fixed_finding_in_another_file_is_new(tmp_path):
    """The recorded file still exists (its finding was fixed): the same finding in another file is a new one."""
    a, b = tmp_path / "a.tf", tmp_path / "b.tf"
    a.write_text("privileged = false\n", encoding="utf-8")
    b.write_text("privileged = true\n", encoding="utf-8")
    copy = _tf_finding(b, 1)
    entry = Entry("TDL401", str(a), "docker_container.dind", "privileged", "privileged = true", 1)
    assert Baseline("b.json", [entry]).apply([copy], {str(a), str(b)}) == 1
    assert copy.suppressed is None


def test_a_moved_file_prefers_the_same_name_then_counts_the_next_entry(tmp_path):
    """A file gone from d/: the finding in e/main.tf (same name) wins over a nearer one in f/other.tf; the next
    unmatched entry is still judged (stale)."""
    for name in ("e/main.tf", "f/other.tf", "g/x.tf"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("privileged = true\n" * 10, encoding="utf-8")
    same_name, nearer = _tf_finding(tmp_path / "e/main.tf", 1), _tf_finding(tmp_path / "f/other.tf", 9)
    moved = Entry("TDL401", str(tmp_path / "d/main.tf"), "docker_container.dind", "privileged", "privileged = true", 9)
    fixed = Entry("TDL401", str(tmp_path / "g/x.tf"), "docker_container.other", "privileged", "privileged = true", 1)
    linted = {str(tmp_path / n) for n in ("e/main.tf", "f/other.tf", "g/x.tf")}
    assert Baseline("b.json", [moved, fixed]).apply([same_name, nearer], linted) == 1
    assert (same_name.suppressed.kind, nearer.suppressed) == ("baseline", None)


def test_the_line_read_from_the_file_pairs_the_nearest_finding(tmp_path):
    main = tmp_path / "main.tf"
    main.write_text("privileged = true\n" * 10, encoding="utf-8")
    entry = {"rule": "TDL401", "path": "main.tf", "subject": "docker_container.dind", "attribute": "privileged",
             "excerpt": "changed"}
    (tmp_path / "b.json").write_text(json.dumps({"tool": "tfdind-lint", "format": FORMAT, "findings": [
        {**entry, "line": 9, "reason": "nine"}, {**entry, "line": 2, "reason": "two"}]}), encoding="utf-8")
    two, nine = _tf_finding(main, 2), _tf_finding(main, 9)
    assert Baseline.load(str(tmp_path / "b.json")).apply([two, nine], {str(main)}) == 0
    assert (two.suppressed.reason, nine.suppressed.reason) == ("two", "nine")
