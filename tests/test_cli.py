"""The command line: exit codes, output destinations, rules and explain."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT
from tfdind_lint import __version__
from tfdind_lint.cli import main


def test_exit_0_when_clean(in_root, capsys):
    # a good example is clean under every rule (examples/README.md)
    assert main(["examples/sysbox-kubernetes/good"]) == 0
    assert capsys.readouterr().out == "No findings in 3 files.\n"


def test_exit_1_on_findings(in_root, capsys):
    assert main(["check", "tests/policies/TDL001/bad"]) == 1
    assert "TDL001" in capsys.readouterr().out


def test_exit_1_on_parse_errors(in_root, capsys):
    assert main(["tests/policies/TDL000"]) == 1


def test_missing_path_is_a_usage_error(in_root, capsys):
    assert main(["tests/policies/TDL001/bad", "does/not/exist"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "tfdind-lint: error: path does not exist: does/not/exist\n"


def test_bad_option_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--format", "xml", "."])
    assert info.value.code == 2
    assert "invalid choice: 'xml'" in capsys.readouterr().err


def test_output_file_gets_the_report_and_stdout_stays_empty(in_root, tmp_path, capsys):
    out = tmp_path / "report.sarif"
    assert main(["-f", "sarif", "-o", str(out), "tests/policies/TDL001/bad"]) == 1
    assert capsys.readouterr().out == ""
    assert "TDL001" in {r["ruleId"] for r in json.loads(out.read_text())["runs"][0]["results"]}


def test_unwritable_output_is_an_error(in_root, tmp_path, capsys):
    assert main(["-o", str(tmp_path / "missing" / "x.txt"), "tests/policies/TDL001/bad"]) == 2
    assert "cannot write" in capsys.readouterr().err


def test_named_file_loads_its_directory_but_reports_only_itself(in_root, capsys):
    # var.dotfiles_uri is declared in variables.tf: no TDL001 on main.tf when main.tf alone is named
    assert main(["tests/policies/TDL001/split/main.tf"]) == 0
    assert capsys.readouterr().out == "No findings in 1 file.\n"


@pytest.mark.parametrize(
    "env, flag, colored",
    [({}, "auto", False), ({"FORCE_COLOR": "1"}, "auto", True), ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, "auto", False),
     ({"NO_COLOR": "1"}, "always", True), ({}, "never", False)],
)
def test_color_honours_flag_and_environment(in_root, capsys, monkeypatch, env, flag, colored):
    for name in ("NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    main(["--color", flag, "tests/policies/TDL001/bad"])
    assert ("\033[" in capsys.readouterr().out) == colored


def test_rules_lists_every_rule(capsys):
    assert main(["rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith("TDL101  sysbox-runtime-missing") and "error" in line and "enabled" in line for line in lines)


def test_explain_by_id_or_name(capsys):
    assert main(["explain", "TDL101"]) == 0
    by_id = capsys.readouterr().out
    assert by_id.startswith("# sysbox-runtime-missing (TDL101)\n")
    for heading in ("## What it does", "## Why is this bad?", "## Example", "## Use instead", "## Sources"):
        assert heading in by_id
    assert main(["explain", "sysbox-runtime-missing"]) == 0
    assert capsys.readouterr().out == by_id


def test_explain_unknown_rule(capsys):
    assert main(["explain", "TDL777"]) == 2
    assert "unknown rule: TDL777" in capsys.readouterr().err


def test_python_dash_m_and_version():
    result = subprocess.run([sys.executable, "-m", "tfdind_lint", "--version"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout == f"tfdind-lint {__version__}\n"


def test_rules_index_is_up_to_date(capsys):
    main(["rules", "--format", "markdown"])
    generated = capsys.readouterr().out
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == generated, (
        "docs/rules.md is stale: run `tfdind-lint rules --format markdown > docs/rules.md`")


@pytest.mark.parametrize("flag", ["--output-format", "--format", "-f"])
def test_output_format_and_its_aliases(in_root, capsys, flag):
    assert main([flag, "concise", "--select", "TDL001", "--no-cache", "tests/policies/TDL001/bad"]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("tests/policies/TDL001/bad/main.tf:12:17: TDL001 error: ")
    assert len(out.splitlines()) == 2  # the finding and the summary


def test_default_is_the_full_format_with_code_frames(in_root, capsys):
    assert main(["--no-cache", "tests/policies/TDL001/bad"]) == 1
    out = capsys.readouterr().out
    assert "12 |     namespace = var.namespace # expect: TDL001\n" in out
    assert "= help: did you mean `var.workspaces_namespace`?" in out


@pytest.mark.parametrize("fmt", ["full", "concise"])
def test_quiet_prints_only_findings(in_root, capsys, fmt):
    assert main(["-q", "-f", fmt, "--no-cache", "tests/policies/TDL001/bad"]) == 1
    captured = capsys.readouterr()
    assert "TDL001 error:" in captured.out and "Found" not in captured.out and captured.err == ""
    assert main(["--quiet", "-f", fmt, "--no-cache", "examples/dind-docker/good"]) == 0
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("fmt", ["gitlab", "junit", "sarif"])
def test_statistics_need_text_or_json(in_root, capsys, fmt):
    assert main(["--statistics", "-f", fmt, "tests/policies/TDL001/bad"]) == 2
    assert f"--statistics prints text or json, not {fmt}" in capsys.readouterr().err
