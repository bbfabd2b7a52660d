"""The fix engine (fix.py, autofix.py) and --fix / --diff on the command line; per-rule fixtures: test_fixes.py."""

from __future__ import annotations

import json
import os
import stat

import pytest

from conftest import TESTS
from sarif_schemas import assert_valid_sarif
from tfdind_lint.cli import main
from tfdind_lint.fix import Edit, Fix, FixSelection, apply, safe, unsafe
from tfdind_lint.linter import Settings, lint
from tfdind_lint.node import Span
from tfdind_lint.policy import builtin_policies

AGENT = """\
data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  env = {
    DOCKER_HOST = "docker:2375"
  }
}
"""
FIXED = AGENT.replace('"docker:2375"', '"tcp://docker:2375"')


def at(line, column, end_line=None, end_column=None) -> Span:
    return Span("f.tf", line, column, end_line or line, end_column or column)


# fix.apply -------------------------------------------------------------------------------------

def test_edits_apply_to_the_original_bytes_and_inserted_lines_take_the_files_line_ending():
    data = "\ufeffa = 1\r\nb = 2\r\n".encode()
    result, applied = apply(data, [safe("x", Edit(at(2, 1), "c = 3\n")), safe("y", Edit(at(1, 5, 1, 6), "10"))])
    assert result == "\ufeffa = 10\r\nc = 3\r\nb = 2\r\n".encode()
    assert len(applied) == 2


def test_overlapping_fixes_and_insertions_at_one_point_wait_for_the_next_pass():
    first = safe("first", Edit(at(1, 1, 1, 4), "xyz"))
    overlapping = safe("overlapping", Edit(at(1, 3, 1, 6), "!"))
    insert = safe("insert", Edit(at(2, 1), "p\n"))
    same_point = safe("same point", Edit(at(2, 1), "q\n"))
    result, applied = apply(b"abcdef\nline\n", [first, overlapping, insert, same_point])
    assert applied == [first, insert]
    assert result == b"xyzdef\np\nline\n"


def test_a_fix_whose_span_is_not_in_the_file_is_dropped_whole():
    broken = Fix("two edits", (Edit(at(1, 1), "a"), Edit(at(9, 1), "b")))
    assert apply(b"x\n", [broken]) == (b"x\n", [])


def test_the_selection_follows_safety_rules_and_suppressions():
    from tfdind_lint.finding import Finding, Severity, Suppressed

    def finding(rule, fix, suppressed=None):
        return Finding(at(1, 1), rule, "n", Severity.ERROR, "m", suppressed=suppressed, fix=fix)

    safe_fix, unsafe_fix = safe("s", Edit(at(1, 1), "x")), unsafe("u", Edit(at(1, 1), "x"))
    assert FixSelection().allows(finding("TDL403", safe_fix))
    assert not FixSelection().allows(finding("TDL403", unsafe_fix))
    assert FixSelection(unsafe=True).allows(finding("TDL403", unsafe_fix))
    assert not FixSelection().allows(finding("TDL403", safe_fix, Suppressed("inline", "why")))
    assert not FixSelection(fixable=frozenset({"TDL002"})).allows(finding("TDL403", safe_fix))
    assert not FixSelection(unfixable=frozenset({"TDL403"})).allows(finding("TDL403", safe_fix))


# the command line ------------------------------------------------------------------------------

@pytest.fixture
def template(tmp_path):
    path = tmp_path / "main.tf"
    path.write_text(AGENT)
    return path


def run(*argv) -> int:
    return main(["--no-cache", "--isolated", "--select", "TDL403,TDL000", *argv])


def test_diff_prints_the_change_writes_nothing_and_exits_1(template, capsys):
    assert run("--diff", str(template.parent)) == 1
    out = capsys.readouterr()
    assert '-    DOCKER_HOST = "docker:2375"\n+    DOCKER_HOST = "tcp://docker:2375"\n' in out.out
    assert "Would fix 1 finding in 1 file." in out.err
    assert template.read_text() == AGENT
    template.write_text(FIXED)
    assert run("--diff", str(template.parent)) == 0
    assert capsys.readouterr().out == ""


def test_fix_writes_the_file_keeps_its_mode_and_reports_what_remains(template, capsys):
    os.chmod(template, 0o640)
    assert run("--fix", "-f", "concise", str(template.parent)) == 0
    assert template.read_text() == FIXED
    assert stat.S_IMODE(os.stat(template).st_mode) == 0o640
    out = capsys.readouterr().out
    assert out.endswith("No findings in 1 file.\nFixed 1 finding (0 remaining).\n")
    assert [p.name for p in template.parent.iterdir()] == ["main.tf"]  # no temporary file left


def test_fix_through_a_symbolic_link_replaces_the_target(template, tmp_path):
    linked = tmp_path / "linked"
    linked.mkdir()
    target = linked / "template.source"
    target.write_text(AGENT)
    (linked / "main.tf").symlink_to("template.source")
    assert run("--fix", str(linked)) == 0
    assert (linked / "main.tf").is_symlink() and target.read_text() == FIXED


def test_fix_exit_code_is_that_of_what_remains(template, capsys):
    assert main(["--no-cache", "--isolated", "--select", "TDL403,TDL413", "--fix", str(template.parent)]) == 1
    assert "Fixed 1 finding (1 remaining)." in capsys.readouterr().out


def test_text_output_marks_fixable_findings_and_counts_them(template, capsys):
    assert run("-f", "concise", str(template.parent)) == 1
    out = capsys.readouterr().out
    assert "TDL403 warning: [*] `DOCKER_HOST` has no scheme" in out
    assert out.endswith("in 1 file; [*] 1 fixable with --fix.\n")


def test_suppressed_findings_are_not_fixed(template, capsys):
    template.write_text(AGENT.replace('"docker:2375"', '"docker:2375" # tfdind-lint: ignore[TDL403] -- a test'))
    before = template.read_text()
    assert run("--fix", str(template.parent)) == 0
    assert template.read_text() == before


def test_baselined_findings_are_not_fixed(template, tmp_path, capsys):
    baseline = tmp_path / "baseline.json"
    assert run("--baseline", str(baseline), "--write-baseline", str(template.parent)) == 0
    assert run("--baseline", str(baseline), "--fix", str(template.parent)) == 0
    assert template.read_text() == AGENT


def test_a_file_that_does_not_parse_is_never_touched(template, capsys):
    broken = AGENT + "resource {\n"
    template.write_text(broken)
    run("--fix", str(template.parent))
    assert template.read_text() == broken


def test_fixable_and_unfixable_select_the_rules_fixed(template, tmp_path, capsys):
    assert run("--fix", "--unfixable", "TDL403", str(template.parent)) == 1
    assert run("--fix", "--fixable", "TDL2", str(template.parent)) == 1
    assert template.read_text() == AGENT
    (tmp_path / ".tfdind-lint.yaml").write_text("unfixable: [docker-host-missing-scheme]\n")
    assert main(["--no-cache", "--select", "TDL403", "--fix", str(template.parent)]) == 1
    assert template.read_text() == AGENT
    assert main(["--no-cache", "--select", "TDL403", "--fix", "--fixable", "TDL4", str(template.parent)]) == 1
    assert template.read_text() == AGENT  # unfixable wins
    assert run("--fix", "--fixable", "TDL4", str(template.parent)) == 0
    assert template.read_text() == FIXED


def test_an_unknown_fixable_selector_is_a_usage_error(template, capsys):
    assert run("--fix", "--fixable", "TDL4x", str(template.parent)) == 2
    assert "unknown rule selector `TDL4x`" in capsys.readouterr().err


def test_fix_does_not_go_with_write_baseline(template, capsys):
    assert run("--fix", "--write-baseline", str(template.parent)) == 2


# reports ---------------------------------------------------------------------------------------

def test_json_and_sarif_carry_the_fix(template, capsys):
    run("-f", "json", str(template.parent))
    finding = json.loads(capsys.readouterr().out)["findings"][0]
    path = str(template)
    assert finding["fix"] == {"title": "Prepend tcp://", "safety": "safe", "edits": [
        {"path": path, "line": 7, "column": 20, "end_line": 7, "end_column": 20, "text": "tcp://"}]}
    run("-f", "sarif", str(template.parent))
    document = json.loads(capsys.readouterr().out)
    fix = document["runs"][0]["results"][0]["fixes"][0]
    change = fix["artifactChanges"][0]
    assert change["replacements"] == [{"deletedRegion": {"startLine": 7, "startColumn": 20, "endLine": 7,
                                                         "endColumn": 20}, "insertedContent": {"text": "tcp://"}}]
    assert fix["description"]["text"] == "Prepend tcp://"
    assert_valid_sarif(document)


# the catalogue ---------------------------------------------------------------------------------

#: Rules whose policy says `fix: safe` or `unsafe` but that have no fix yet (issue 15): the test lists what is missing.
PENDING: set[str] = set()


def test_every_rule_with_a_fix_in_its_policy_fixes_findings_of_its_fixtures():
    policies = builtin_policies()
    promised = {rule for rule, policy in policies.items() if policy.fix in ("safe", "unsafe")}
    assert promised >= PENDING
    for rule in sorted(promised - PENDING):
        report = lint([str(TESTS / "policies" / rule)], Settings())
        fixes = [f.fix for f in report.findings if f.rule == rule and f.fix is not None]
        assert fixes, f"{rule}: no finding of its fixtures has a fix (add it to PENDING, or fix it)"
        assert {fix.safety for fix in fixes} == {policies[rule].fix}, rule
    for rule in sorted(PENDING):
        report = lint([str(TESTS / "policies" / rule)], Settings())
        assert not any(f.fix for f in report.findings if f.rule == rule), f"{rule} has fixes now: take it off PENDING"
    without = {rule for rule, policy in policies.items() if policy.fix == "none"}
    assert not (without & {"TDL002", "TDL010", "TDL102", "TDL206", "TDL305", "TDL403", "TDL407", "TDL408", "TDL501", "TDL502", "TDL504", "TDL409", "TDL201", "TDL301", "TDL303"})


def test_a_finding_with_a_fix_round_trips_through_the_cache_encoding():
    from tfdind_lint import plain
    from tfdind_lint.finding import Finding, Severity
    from tfdind_lint.pieces import UnitResult

    fix = unsafe("Prepend tcp://", Edit(at(7, 20), "tcp://"), Edit(at(8, 1, 9, 1), ""))
    finding = Finding(at(7, 5, 7, 32), "TDL403", "n", Severity.WARNING, "m", fix=fix)
    [result] = plain.loads(plain.dumps([UnitResult(1, files=["f.tf"], findings=[finding])]))
    assert result.findings[0].fix == fix


def test_a_file_changed_during_the_run_is_not_overwritten(template):
    from tfdind_lint.writes import WriteError, replace_source

    template.write_text("changed by the user\n")
    with pytest.raises(WriteError, match="changed while tfdind-lint was fixing it"):
        replace_source(str(template), FIXED.encode(), AGENT.encode())
    assert template.read_text() == "changed by the user\n"
