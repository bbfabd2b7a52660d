"""``--format github``: workflow-command annotations with GitHub's escaping, and the step summary.

``parse`` below reads a line the way the Actions runner does (``ActionCommand.TryParseV2``
and its unescape tables in actions/runner), so escaping is checked by a round trip
through the consumer's rules, not only against strings written by hand.
"""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tfdind_lint.cli import main
from tfdind_lint.finding import Finding, Related, Severity, Suppressed
from tfdind_lint.formats.github import annotation, escape_data, escape_property, repo_path, step_summary
from tfdind_lint.node import Span
from tfdind_lint.report import Report

_DATA = (("%0D", "\r"), ("%0A", "\n"), ("%25", "%"))
_PROPERTY = (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%"))


def _unescape(text: str, table) -> str:
    for escaped, token in table:
        text = text.replace(escaped, token)
    return text


def parse(line: str) -> tuple[str, dict[str, str], str]:
    """(command, properties, message) as the runner reads a workflow command."""
    assert "\n" not in line and "\r" not in line, "one command is one line"
    line = line.lstrip()
    assert line.startswith("::")
    end = line.index("::", 2)
    info = line[2:end]
    command, _, props = info.partition(" ")
    properties = {}
    for item in filter(None, props.strip().split(",")):
        pair = [p for p in item.split("=", 1) if p]
        if len(pair) == 2:
            properties[pair[0]] = _unescape(pair[1], _PROPERTY)
    return command, properties, _unescape(line[end + 2:], _DATA)


def finding(path="main.tf", line=3, column=5, end_line=3, end_column=9, severity=Severity.ERROR, message="Bad",
            rule="TDL101", name="sysbox-runtime-missing", **extra) -> Finding:
    return Finding(Span(path, line, column, end_line, end_column), rule, name, severity, message, **extra)


def test_escape_data_and_property():
    assert escape_data("100% done:\r\nnext, then") == "100%25 done:%0D%0Anext, then"
    assert escape_property("100% done:\r\nnext, then") == "100%25 done%3A%0D%0Anext%2C then"
    assert escape_property("%3A") == "%253A"  # an escape-looking text stays text


def test_annotation_line_is_exact():
    assert annotation(finding()) == (
        "::error file=main.tf,line=3,col=5,endLine=3,endColumn=9,title=tfdind-lint TDL101 sysbox-runtime-missing"
        "::TDL101 Bad")  # the place is in the properties, not repeated in the body


@pytest.mark.parametrize("severity, command", [(Severity.ERROR, "error"), (Severity.WARNING, "warning"),
                                               (Severity.NOTE, "notice")])
def test_levels(severity, command):
    assert annotation(finding(severity=severity)).startswith(f"::{command} file=")


def test_message_with_percent_colon_comma_and_newlines_and_a_hostile_file_name():
    f = finding(path="mods/a,b:c%d/main.tf", message="Use 100%: set a, b\nthen c\r\nend",
                hint="try `x = 1`", related=(Related(Span("mods/a,b:c%d/vars.tf", 2, 1, 2, 4), "Declared here"),))
    line = annotation(f)
    assert line == (
        "::error file=mods/a%2Cb%3Ac%25d/main.tf,line=3,col=5,endLine=3,endColumn=9,"
        "title=tfdind-lint TDL101 sysbox-runtime-missing::"
        "TDL101 Use 100%25: set a, b%0Athen c%0D%0Aend%0Ahelp: try `x = 1`%0A"
        "mods/a,b:c%25d/vars.tf:2:1: Declared here")
    command, properties, message = parse(line)
    assert command == "error"
    assert properties == {"file": "mods/a,b:c%d/main.tf", "line": "3", "col": "5", "endLine": "3", "endColumn": "9",
                          "title": "tfdind-lint TDL101 sysbox-runtime-missing"}
    assert message == ("TDL101 Use 100%: set a, b\nthen c\r\nend\nhelp: try `x = 1`\n"
                       "mods/a,b:c%d/vars.tf:2:1: Declared here")


def test_a_file_name_cannot_forge_properties():
    _, properties, _ = parse(annotation(finding(path="x.tf,line=1,title=All good::")))
    assert properties["file"] == "x.tf,line=1,title=All good::"
    assert properties["line"] == "3"
    assert properties["title"] == "tfdind-lint TDL101 sysbox-runtime-missing"


@given(path=st.text(min_size=1), message=st.text())
def test_any_path_and_message_round_trip_through_the_runner(path, message):
    command, properties, data = parse(annotation(finding(path=path, message=message)))
    assert properties["file"] == path
    assert data == f"TDL101 {message}"


def test_a_range_over_several_lines_has_no_columns():
    _, properties, _ = parse(annotation(finding(line=3, end_line=7)))
    assert properties == {"file": "main.tf", "line": "3", "endLine": "7",
                          "title": "tfdind-lint TDL101 sysbox-runtime-missing"}


def test_an_internal_error_is_not_placed_in_a_file():
    line = annotation(finding(path="the whole run", rule="TDL999", name="internal-error", message="internal error"))
    assert line == "::error title=tfdind-lint TDL999 internal-error::TDL999 internal error"


def test_file_is_relative_to_the_workspace(tmp_path, monkeypatch):
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    assert repo_path("main.tf", str(tmp_path)) == "sub/main.tf"
    assert repo_path("../other/main.tf", str(tmp_path / "sub")) == "../other/main.tf"  # outside: as shown
    assert repo_path("main.tf", None) == "main.tf"


def test_cli_prints_annotations_then_the_summary_line(in_root, capsys, monkeypatch):
    for name in ("GITHUB_STEP_SUMMARY", "GITHUB_WORKSPACE"):
        monkeypatch.delenv(name, raising=False)
    paths = ["tests/policies/TDL001/bad", "tests/policies/TDL401/acknowledged"]
    main(["--format", "json", *paths])
    active = [f for f in json.loads(capsys.readouterr().out)["findings"] if not f["suppressed"]]
    assert main(["--format", "github", *paths]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == len(active) + 1  # suppressed findings are not annotated
    assert [parse(line)[1]["line"] for line in out[:-1]] == [str(f["line"]) for f in active]
    assert (
        "::error file=tests/policies/TDL001/bad/main.tf,line=12,col=17,endLine=12,endColumn=30,"
        "title=tfdind-lint TDL001 undeclared-variable::TDL001 "
        "`var.namespace` is not declared in this module: plan fails with \"Reference to undeclared input variable\"%0A"
        "help: did you mean `var.workspaces_namespace`?%0A"
        "help: declare `variable \"namespace\"` in a file of tests/policies/TDL001/bad/%0A"
        "tests/policies/TDL001/bad/main.tf:2:1: `variable \"workspaces_namespace\"` is declared here") in out
    assert re.fullmatch(r"Found \d+ findings \(.*\) in 2 of 2 files; 3 suppressed; "
                        r"\[\*\] 1 fixable with --fix \(1 more with --unsafe-fixes\)\.", out[-1])


# step summary -----------------------------------------------------------------------------------

GITHUB = {"GITHUB_SERVER_URL": "https://github.example", "GITHUB_REPOSITORY": "octo/templates", "GITHUB_SHA": "abc123",
          "GITHUB_ACTION_REPOSITORY": "octo/tfdind-lint", "GITHUB_ACTION_REF": "v1"}


def report(*findings, files=("a|b_c.tf", "main.tf")) -> Report:
    return Report(list(findings), list(files))


def test_summary_tables_per_rule_and_per_file_with_links():
    r = report(finding(), finding(line=8, end_line=8), finding(path="a|b_c.tf", severity=Severity.WARNING),
               finding(rule="TDL401", name="privileged-sidecar-unacknowledged", severity=Severity.WARNING),
               finding(rule="TDL401", name="privileged-sidecar-unacknowledged",
                       suppressed=Suppressed("inline", "ticket OPS-1")))
    rules = "https://github.example/octo/tfdind-lint/blob/v1/docs/rules.md"
    files = "https://github.example/octo/templates/blob/abc123"
    assert step_summary(r, GITHUB) == (
        "## tfdind-lint\n\n"
        "Found 4 findings (2 errors, 2 warnings, 0 notes) in 2 of 2 files; 1 suppressed.\n\n"
        "| Rule | Severity | Findings |\n"
        "|---|---|---:|\n"
        f"| [TDL101 sysbox-runtime-missing]({rules}#tdl101-sysbox-runtime-missing) | error, warning | 3 |\n"
        f"| [TDL401 privileged-sidecar-unacknowledged]({rules}#tdl401-privileged-sidecar-unacknowledged) | warning | 1 |\n"
        "\n"
        "| File | Errors | Warnings | Notes |\n"
        "|---|---:|---:|---:|\n"
        f"| [a\\|b\\_c.tf]({files}/a%7Cb_c.tf) | 0 | 1 | 0 |\n"
        f"| [main.tf]({files}/main.tf) | 2 | 1 | 0 |\n"
        "\n")


def test_summary_without_a_known_repository_has_no_links_and_says_how_to_read_a_rule():
    text = step_summary(report(finding()), {})
    assert "| TDL101 sysbox-runtime-missing | error | 1 |" in text
    assert "| main.tf | 1 | 0 | 0 |" in text
    assert text.endswith("`tfdind-lint explain TDLnnn` prints a rule's documentation.\n\n")


def test_summary_rules_url_can_be_set_explicitly():
    text = step_summary(report(finding()), {**GITHUB, "TFDIND_LINT_RULES_URL": "https://docs.example/rules"})
    assert "[TDL101 sysbox-runtime-missing](https://docs.example/rules#tdl101-sysbox-runtime-missing)" in text


def test_summary_of_a_clean_run():
    assert step_summary(report(files=["main.tf"]), GITHUB) == "## tfdind-lint\n\nNo findings in 1 file.\n\n"


def test_summary_says_when_annotations_are_cut():
    many = [finding(line=n, end_line=n) for n in range(1, 12)]
    assert "GitHub shows only the first 10 annotations of each level in a step" in step_summary(report(*many), {})
    assert "GitHub shows only" not in step_summary(report(*many[:10]), {})


def test_summary_is_appended_to_the_step_summary_file(in_root, tmp_path, monkeypatch, capsys):
    summary = tmp_path / "summary.md"
    summary.write_text("# Earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    for name, value in GITHUB.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("TFDIND_LINT_RULES_URL", raising=False)
    assert main(["-f", "github", "examples/sysbox-docker/bad"]) == 1
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# Earlier step\n## tfdind-lint\n\nFound ")
    assert re.search(r"^\| \[examples/sysbox-docker/bad/main\.tf\]\(https://github\.example/octo/templates/blob/"
                     r"abc123/examples/sysbox-docker/bad/main\.tf\) \| [1-9]\d* \| \d+ \| \d+ \|$", text, re.M)
    # other formats never write it
    assert main(["-f", "text", "examples/sysbox-docker/bad"]) == 1
    assert summary.read_text(encoding="utf-8") == text


def test_unwritable_step_summary_is_a_warning_not_a_failure(in_root, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "missing" / "summary.md"))
    assert main(["-f", "github", "examples/sysbox-docker/good"]) == 0
    assert "tfdind-lint: warning: cannot write the step summary" in capsys.readouterr().err
