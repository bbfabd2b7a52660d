"""Reading a baseline file: every refusal with its message, and what a hand-trimmed entry defaults to."""

from __future__ import annotations

import json

import pytest

from tfdind_lint.baseline import FORMAT, Baseline, BaselineError, Entry


def load_error(path) -> str:
    with pytest.raises(BaselineError) as caught:
        Baseline.load(str(path))
    return str(caught.value)


def test_a_directory_cannot_be_read(tmp_path):
    assert load_error(tmp_path) == f"cannot read the baseline {tmp_path}: Is a directory"


def test_not_json_names_line_and_column(tmp_path):
    path = tmp_path / "b.json"
    path.write_text('{\n  "tool": tfdind\n}\n', encoding="utf-8")
    assert load_error(path) == f"{path}:2:11: not a baseline file: Expecting value"


def test_not_utf8(tmp_path):
    path = tmp_path / "b.json"
    path.write_bytes(b'{"tool": "tfdind-lint", "x": "\xe9"}')
    assert load_error(path) == f"{path}: not a baseline file: byte 0xe9 at offset 30 is not UTF-8"


def test_nested_too_deeply(tmp_path):
    path = tmp_path / "b.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert load_error(path) == f"{path}: not a baseline file: nested too deeply"


@pytest.mark.parametrize("data", [
    [],
    {"tool": "other", "format": FORMAT, "findings": []},
    {"tool": "tfdind-lint", "format": FORMAT},
    {"tool": "tfdind-lint", "format": FORMAT, "findings": {}},
])
def test_not_a_tfdind_lint_baseline(tmp_path, data):
    path = tmp_path / "b.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load_error(path) == f"{path}: not a tfdind-lint baseline (write one with --write-baseline)"


def test_another_format(tmp_path):
    path = tmp_path / "b.json"
    path.write_text(json.dumps({"tool": "tfdind-lint", "format": 0, "findings": []}), encoding="utf-8")
    assert load_error(path) == (f"{path}: baseline format 0 is not supported (expected {FORMAT}); "
                                "write it again with --write-baseline")


def test_an_entry_without_rule_or_path(tmp_path):
    path = tmp_path / "b.json"
    path.write_text(json.dumps({"tool": "tfdind-lint", "format": FORMAT,
                                "findings": [{"rule": "TDL401", "path": "a.tf"}, {"rule": "TDL401"}]}), encoding="utf-8")
    assert load_error(path) == f"{path}: entry 1 needs at least `rule` and `path`"


def test_a_trimmed_entry_takes_empty_defaults(tmp_path):
    path = tmp_path / "b.json"
    path.write_text(json.dumps({"tool": "tfdind-lint", "format": FORMAT,
                                "findings": [{"rule": "TDL401", "path": "dir/../a.tf"}]}), encoding="utf-8")
    assert Baseline.load(str(path)).entries == [Entry("TDL401", str(tmp_path / "a.tf"), "", "", "", 0, "")]


def _baselined(tmp_path, monkeypatch, written: dict, now: dict):
    """Write a baseline of ``written`` (TDL401 only), then lint ``now``: (the report, how many entries are stale)."""
    from conftest import write_tree
    from tfdind_lint.baseline import write
    from tfdind_lint.linter import lint
    from tfdind_lint.settings import RunSettings

    write_tree(tmp_path, written)
    monkeypatch.chdir(tmp_path)
    settings = RunSettings(enabled={"TDL401"})
    write("out/nested/b.json", lint(["."], settings).findings)
    write("out/nested/b.json", lint(["."], settings).findings)  # the directory exists now: written again
    write_tree(tmp_path, now)
    report = lint(["."], settings)
    baseline = Baseline.load("out/nested/b.json")
    return report, baseline.apply(report.findings, {str(p) for p in tmp_path.rglob("*.tf")})


def test_every_fixed_finding_counts_as_stale(tmp_path, monkeypatch):
    from conftest import SIDECAR_TF

    two = SIDECAR_TF + SIDECAR_TF.replace('"dind"', '"dind2"').replace('"workspace"', '"workspace2"').replace(
        '"main"', '"main2"')
    report, stale = _baselined(tmp_path, monkeypatch, {"a/main.tf": two, "b/main.tf": two},
                               {"a/main.tf": two.replace("privileged = true", "privileged = false"),
                                "b/main.tf": two})
    assert stale == 2
    assert [(f.span.path, f.suppressed.kind if f.suppressed else None) for f in report.findings] == [
        ("b/main.tf", "baseline"), ("b/main.tf", "baseline")]


def test_a_file_turned_crlf_still_matches(tmp_path, monkeypatch):
    from conftest import SIDECAR_TF

    report, stale = _baselined(tmp_path, monkeypatch, {"main.tf": SIDECAR_TF},
                               {"main.tf": SIDECAR_TF.replace("\n", "\r\n")})
    assert (stale, [f.suppressed.kind for f in report.findings]) == (0, ["baseline"])
