"""Every hostile case (cases.py) next to a good corpus, through the CLI in-process.

For each case: no exception escapes, the run ends (a hang guard, not a timing) with bounded
memory, the exit code is 1 (findings) and never 2, the hostile entry gets exactly
the stated TDL000 findings or skip reasons, and every other file's findings are
exactly those of the corpus linted without it.
"""

from __future__ import annotations

import json
import tracemalloc

import pytest

from cases import BY_ID, CASES, write
from conftest import ROOT
from harness import baseline, corpus, deadline, findings, hostile_entry, make_case, run  # noqa: F401  (fixtures)
from tfdind_lint import cli

#: a hang guard, not a speed goal (speed is measured by bench/, not asserted: the machines are shared);
#: near-quadratic inputs are caught by the call-count tests of tests/test_hcl_properties.py
HANG_SECONDS = 60
MIB = 1024 * 1024


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_case(case, corpus, baseline, monkeypatch, tmp_path):
    with hostile_entry(corpus, case, monkeypatch), deadline(HANG_SECONDS):
        code, report = run(corpus, ["."], tmp_path / "all.json")
    assert code == 1
    assert findings(report, "good/") == baseline  # nothing else changes
    assert not [f for f in report["findings"] if f["rule"] == "TDL999"]

    found = findings(report, "hostile/")
    skipped = {(s["path"], s["reason"]) for s in report["skipped"] if s["path"].startswith("hostile/")}
    if case.same_as is not None:
        name, text = case.same_as
        plain = type(case)("plain", "", write(name, text))
        with hostile_entry(corpus, plain, monkeypatch):
            _, reference = run(corpus, ["hostile"], tmp_path / "plain.json")
        expected = {(path, rule, line, column) for path, rule, line, column, _ in findings(reference, "hostile/")}
        assert expected, "the plain text of a same_as case must give findings"
        assert {(path, rule, line, column) for path, rule, line, column, _ in found} == expected
    else:
        # exactly the TDL000 findings stated; the other rules' findings stated are there (rules come and go)
        assert {f[:4] for f in found if f[1] == "TDL000"} == {f[:4] for f in case.findings if f[1] == "TDL000"}
        assert {f[:4] for f in case.findings} <= {f[:4] for f in found}
        for path, rule, line, column, words in case.findings:
            message = next(m for p, r, ln, c, m in found if (p, r, ln, c) == (path, rule, line, column))
            assert words in message
            assert rule != "TDL000" or message[0].isupper(), message
    assert {path for path, _ in skipped} == {path for path, _ in case.skipped}
    for path, words in case.skipped:
        assert any(p == path and words in reason for p, reason in skipped), (path, skipped)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_case_alone(case, corpus, monkeypatch, tmp_path):
    """Linted alone, the hostile entry costs bounded memory, and the exit code is 1 with findings, 0 without."""
    with hostile_entry(corpus, case, monkeypatch), deadline(60):
        tracemalloc.start()  # every Python allocation, C extensions' included (it slows the run: no timing here)
        try:
            code, report = run(corpus, ["hostile"], tmp_path / "alone.json")
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert peak < case.max_mib * MIB, f"peak {peak / MIB:.0f} MiB"
    assert code == (1 if report["findings"] else 0)
    assert code == 1 or not (case.findings or case.same_as)


def test_skipped_files_are_counted_in_the_text_summary_and_listed_on_request(corpus, monkeypatch, tmp_path):
    helm, fifo = BY_ID["yaml-helm-template"], BY_ID["fifo-named-tf"]
    with hostile_entry(corpus, helm, monkeypatch) as directory:
        make_case(fifo, directory, monkeypatch)
        monkeypatch.chdir(corpus)
        assert cli.main(["hostile", "--output", str(tmp_path / "short.txt")]) == 0
        assert cli.main(["hostile", "--verbose", "--output", str(tmp_path / "long.txt")]) == 0
        assert cli.main(["hostile", "--format", "sarif", "--output", str(tmp_path / "out.sarif")]) == 0
    assert (tmp_path / "short.txt").read_text(encoding="utf-8") == (
        "No findings in 1 file; 2 skipped (--verbose lists them).\n")
    assert (tmp_path / "long.txt").read_text(encoding="utf-8") == (
        "hostile/pod.yaml: skipped: a Helm template ({{ ... }}): render it (helm template) to lint it\n"
        "hostile/x.tf: skipped: not a regular file (a named pipe): not read\n"
        "No findings in 1 file; 2 skipped.\n")
    notifications = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))["runs"][0]["invocations"][0][
        "toolExecutionNotifications"]
    assert [(n["level"], n["message"]["text"]) for n in notifications] == [
        ("warning", "hostile/pod.yaml: skipped: a Helm template ({{ ... }}): render it (helm template) to lint it"),
        ("warning", "hostile/x.tf: skipped: not a regular file (a named pipe): not read")]


def test_every_case_is_in_the_robustness_page():
    page = (ROOT / "docs" / "robustness.md").read_text(encoding="utf-8")
    assert [case.id for case in CASES if f"`{case.id}`" not in page] == []
