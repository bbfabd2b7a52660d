"""Output formats: text, JSON and SARIF (valid against both schemas, stable fingerprints)."""

from __future__ import annotations

import json
import shutil

from conftest import TESTS
from sarif_schemas import assert_valid_sarif
from tfdind_lint.formats import Options, render
from tfdind_lint.formats.line_hash import line_hashes
from tfdind_lint.formats.sarif import FINGERPRINT_KEY
from tfdind_lint.linter import lint
from tfdind_lint.settings import RunSettings

#: the rules whose output the exact-output tests below spell out (so that new rules do not change them)
FORMAT_RULES = {"TDL000", "TDL001", "TDL010", "TDL101", "TDL401", "TDL412", "TDL900"}


def run(paths, fmt, rules=None, **options):
    settings = RunSettings(enabled=rules)
    report = lint(paths, settings)
    return report, render(fmt, report, settings, Options(**options))


def test_concise_text_is_path_line_col_rule_severity_message_and_summary(in_root):
    _, text = run(["tests/policies/TDL001/bad", "tests/policies/TDL000/unterminated_string.tf"], "concise", FORMAT_RULES)
    assert text == (
        "tests/policies/TDL000/unterminated_string.tf:2:11: TDL000 error: Unterminated string: the closing '\"' is "
        "missing on this line\n"
        "tests/policies/TDL001/bad/main.tf:12:17: TDL001 error: `var.namespace` is not declared in this module: plan "
        "fails with \"Reference to undeclared input variable\"\n"
        "Found 2 findings (2 errors, 0 warnings, 0 notes) in 2 of 2 files; 1 fixable with --fix --unsafe-fixes.\n"
    )


def test_text_hides_suppressed_findings_but_counts_them(in_root):
    _, text = run(["tests/policies/TDL401/acknowledged"], "text", FORMAT_RULES)
    assert "dind_inline" not in text
    assert text.endswith("Found 2 findings (0 errors, 2 warnings, 0 notes) in 1 file; 3 suppressed.\n")
    _, shown = run(["tests/policies/TDL401/acknowledged"], "text", FORMAT_RULES, show_suppressed=True)
    assert "(suppressed inline: our nodes cannot run Sysbox yet (ticket OPS-123))" in shown


def test_json_lists_every_finding_with_suppression_reasons(in_root):
    report, text = run(["tests/policies/TDL401/acknowledged", "tests/policies/TDL001/bad"], "json", FORMAT_RULES)
    data = json.loads(text)
    assert data["schema_version"] == 1
    assert data["summary"] == {"files": 2, "findings": 3, "errors": 1, "warnings": 2, "notes": 0, "suppressed": 3,
                               "baselined": 0, "baseline_stale": 0}
    first = data["findings"][0]
    assert set(first) == {"rule", "name", "severity", "message", "hint", "path", "line", "column", "end_line",
                          "end_column", "subject", "attribute", "related", "suppressed", "fix"}
    suppressed = [f for f in data["findings"] if f["suppressed"]]
    assert {f["suppressed"]["reason"] for f in suppressed} == {
        "our nodes cannot run Sysbox yet (ticket OPS-123)", "GPU nodes, see OPS-124", "build farm, isolated hosts"}
    undeclared = next(f for f in data["findings"] if f["rule"] == "TDL001")
    assert undeclared["related"] == [{"path": "tests/policies/TDL001/bad/main.tf", "line": 2, "column": 1, "end_line": 2,
                                      "end_column": 32, "message": '`variable "workspaces_namespace"` is declared here'}]


def test_sarif_validates_against_both_schemas(in_root):
    _, text = run(["tests/policies", "tests/seed"], "sarif", sarif_include_suppressed=True)
    document = json.loads(text)
    assert_valid_sarif(document)
    run_ = document["runs"][0]
    assert document["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert run_["columnKind"] == "unicodeCodePoints"
    results = run_["results"]
    assert all(r["level"] in ("error", "warning", "note") for r in results)
    assert all(r["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] == "%SRCROOT%" for r in results)
    assert any("suppressions" in r for r in results)
    rules = run_["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted(r["id"] for r in rules)
    assert all(results_rule["ruleIndex"] == [r["id"] for r in rules].index(results_rule["ruleId"]) for results_rule in results)
    related = next(r for r in results if r["ruleId"] == "TDL001")["relatedLocations"][0]
    assert related["message"]["text"].startswith("`variable")


def test_sarif_leaves_suppressed_findings_out_unless_asked(in_root):
    _, text = run(["tests/policies/TDL401/acknowledged"], "sarif", FORMAT_RULES)
    results = json.loads(text)["runs"][0]["results"]
    assert len(results) == 2 and all("suppressions" not in r for r in results)
    _, text = run(["tests/policies/TDL401/acknowledged"], "sarif", FORMAT_RULES, sarif_include_suppressed=True)
    results = json.loads(text)["runs"][0]["results"]
    assert len(results) == 5
    assert [r["suppressions"] for r in results if "suppressions" in r][0] == [
        {"kind": "inSource", "status": "accepted", "justification": "our nodes cannot run Sysbox yet (ticket OPS-123)"}]


def test_sarif_parse_errors_are_also_tool_notifications(in_root):
    _, text = run(["tests/policies/TDL000"], "sarif")
    invocation = json.loads(text)["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is True
    notes = invocation["toolExecutionNotifications"]
    assert [n["descriptor"]["id"] for n in notes] == ["TDL000"] * 5  # .tf (2), .tf.json, .yaml, .toml
    assert all(n["level"] == "warning" for n in notes)


def test_sarif_empty_run_still_has_results_and_rules(tmp_path, monkeypatch):
    (tmp_path / "main.tf").write_text('terraform {\n  required_providers {\n    docker = { source = "kreuzwerker/docker" }\n  }\n}\n\n'
                                      'resource "docker_network" "n" {\n  name = "x"\n}\n')
    monkeypatch.chdir(tmp_path)
    _, text = run(["."], "sarif")
    document = json.loads(text)
    assert document["runs"][0]["results"] == []
    assert document["runs"][0]["tool"]["driver"]["rules"]
    assert_valid_sarif(document)


def test_fingerprints_survive_lines_added_above(tmp_path, monkeypatch):
    shutil.copytree(TESTS / "policies" / "TDL401" / "docker", tmp_path / "t")
    monkeypatch.chdir(tmp_path)

    def fingerprints():
        _, text = run(["t"], "sarif")
        results = json.loads(text)["runs"][0]["results"]
        return [(r["ruleId"], r["partialFingerprints"][FINGERPRINT_KEY], r["partialFingerprints"]["primaryLocationLineHash"],
                 r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in results]

    before = fingerprints()
    path = tmp_path / "t" / "main.tf"
    path.write_text("# a new comment\n\nlocals {\n  unrelated = 1\n}\n" + path.read_text())
    after = fingerprints()
    assert [(r, f, h) for r, f, h, _ in before] == [(r, f, h) for r, f, h, _ in after]
    assert [line + 5 for *_, line in before] == [line for *_, line in after]


def test_line_hash_matches_github_test_vectors():
    # vectors from github/codeql-action src/fingerprints.test.ts
    assert line_hashes("") == ["c129715d7a2bc9a3:1"]
    assert line_hashes(" a\nb\n  \t\tc\n d") == ["271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1"]
    expected = ["e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1",
                "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1"]
    for text in (" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n", " hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r",
                 " hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n"):
        assert line_hashes(text) == expected
    repeated = line_hashes("Lorem ipsum dolor sit amet.\n" * 10)
    assert repeated[:7] == [f"a7f2ff13bc495cf2:{i}" for i in range(1, 7)] + ["a7f2ff1481e87703:1"]
    assert repeated[-1] == "c129715d7a2bc9a3:1"
