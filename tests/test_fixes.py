"""--fix on every fixture of tests/fixes/<rule>/: the expected output, re-parsed, re-linted, idempotent.

Each ``<case>.tf`` (``.yaml``, ``.toml``) has its expected result beside it, ``<case>.fixed.tf``.  The fix
runs on a copy with ``--fixable <rule>`` (only that rule's fixes), so each fixture shows one rule's edits;
with ``--unsafe-fixes`` for a rule whose policy says ``fix: unsafe``.
``terraform-fmt.txt`` records ``terraform fmt -check`` on every fixed Terraform fixture (run where
terraform is installed: ``python tests/test_fixes.py``); the suite itself never runs terraform.
"""

from __future__ import annotations

import collections
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from conftest import TESTS
from tfdind_lint.autofix import parse_problem
from tfdind_lint.cli import main
from tfdind_lint.linter import Settings, lint
from tfdind_lint.policy import builtin_policies

FIXES = TESTS / "fixes"
VERDICTS = FIXES / "terraform-fmt.txt"
TITLES = FIXES / "titles.txt"


def expected_name(case: Path) -> Path:
    name = case.name
    stem, suffix = (name[:-len(".tf.json")], ".tf.json") if name.endswith(".tf.json") else (case.stem, case.suffix)
    return case.with_name(f"{stem}.fixed{suffix}")


CASES = sorted(p for p in FIXES.glob("TDL*/*") if p.is_file() and ".fixed." not in p.name)


def counts(report) -> collections.Counter:
    return collections.Counter(f.rule for f in report.active)


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fix_gives_the_expected_file(case, tmp_path, capsys):
    rule = case.parent.name
    target = tmp_path / case.name
    shutil.copyfile(case, target)
    before = lint([str(tmp_path)], Settings())
    fixable = [f for f in before.active if f.rule == rule and f.fix is not None]
    unfixable = [f for f in before.active if f.rule == rule and f.fix is None]  # cases the rule's fix does not cover
    assert fixable, f"{case} has no {rule} finding with a fix"
    unsafe = builtin_policies()[rule].fix == "unsafe"
    assert all(f.fix.safe != unsafe for f in fixable)
    flags = ["--fixable", rule] + (["--unsafe-fixes"] if unsafe else [])
    if unsafe:  # not applied without --unsafe-fixes
        main(["--fix", "--no-cache", "--isolated", *flags[:2], str(tmp_path)])
        assert target.read_bytes() == case.read_bytes()
        capsys.readouterr()
    main(["--fix", "--no-cache", "--isolated", *flags, "-f", "concise", str(tmp_path)])
    fixed = target.read_bytes()
    expected = expected_name(case)
    assert expected.exists(), f"write {expected.name} (the expected output)"
    assert fixed == expected.read_bytes()
    assert fixed != case.read_bytes()
    assert parse_problem(str(target), fixed) is None
    after = lint([str(tmp_path)], Settings())
    assert [(f.message, f.fix) for f in after.active if f.rule == rule] == [(f.message, None) for f in unfixable]
    new = {r: n for r, n in counts(after).items() if n > counts(before)[r]}
    assert not new, f"the fix brought new findings: {new}"
    output = capsys.readouterr().out
    fixed_count = int(re.search(r"^Fixed (\d+) findings? \(", output, re.M).group(1))
    assert fixed_count >= len(fixable)  # a fix may uncover another one (a key quoted, then its value)
    main(["--fix", "--no-cache", "--isolated", *flags, str(tmp_path)])
    assert target.read_bytes() == fixed  # idempotent
    assert "Fixed 0 findings" in capsys.readouterr().out


def fix_titles() -> list[str]:
    """``<rule>/<case>: <title>`` for each fix of the rule in each case, in report order (the title is what an editor's
    quick fix, the JSON report and SARIF show of a fix)."""
    lines = []
    for case in CASES:
        rule = case.parent.name
        with tempfile.TemporaryDirectory() as directory:
            shutil.copyfile(case, Path(directory) / case.name)
            report = lint([directory], Settings())
        lines += [f"{rule}/{case.name}: {f.fix.title}" for f in report.active if f.rule == rule and f.fix is not None]
    return lines


def test_fix_titles():
    """Every case's fix titles, recorded in ``titles.txt`` (regenerate with ``TFDIND_UPDATE_GOLDEN=1``, review the
    diff).  Cases added on other branches and not recorded yet are not compared."""
    found = fix_titles()
    if os.environ.get("TFDIND_UPDATE_GOLDEN"):
        TITLES.write_text("\n".join(found) + "\n")
    recorded = TITLES.read_text().splitlines()
    cases = {line.split(": ", 1)[0] for line in recorded}
    assert cases, "no titles recorded"
    assert [line for line in found if line.split(": ", 1)[0] in cases] == recorded


def test_every_fixed_terraform_fixture_was_checked_by_terraform_fmt():
    fixed = sorted(p.relative_to(FIXES).as_posix() for p in FIXES.glob("TDL*/*.fixed.tf"))
    recorded = dict(line.rsplit(" ", 1) for line in VERDICTS.read_text().splitlines() if line and line[0] != "#")
    assert sorted(recorded) == fixed, "run `python tests/test_fixes.py` where terraform is installed"
    assert set(recorded.values()) == {"parses"}


def test_crlf_fixtures_keep_crlf():
    crlf = [case for case in CASES if "crlf" in case.name]
    assert crlf
    for case in crlf:
        data = expected_name(case).read_bytes()
        assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")


EXAMPLES = sorted((TESTS.parent / "examples").glob("*/bad"))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.parent.name)
def test_fix_on_a_bad_example_leaves_no_safe_fix_and_brings_no_finding(example, tmp_path, capsys):
    copy = tmp_path / example.parent.name
    shutil.copytree(example, copy)
    before = lint([str(copy)], Settings())
    main(["--fix", "--no-cache", str(copy)])
    after = lint([str(copy)], Settings())
    assert not [f for f in after.active if f.fix is not None and f.fix.safe]
    new = {r: n for r, n in counts(after).items() if n > counts(before)[r]}
    assert not new, f"the fixes brought new findings: {new}"
    fixed = sum(1 for f in before.active if f.fix is not None and f.fix.safe)
    assert sum(counts(before).values()) - sum(counts(after).values()) >= fixed


if __name__ == "__main__":  # record `terraform fmt -check` on each fixed fixture (exit 2: a syntax error)
    lines = ["# terraform fmt -check on each fixed fixture: parses (exit 0 or 3) or broken (exit 2)"]
    for path in sorted(FIXES.glob("TDL*/*.fixed.tf")):
        code = subprocess.run(["terraform", "fmt", "-check", "-no-color", str(path)], capture_output=True,
                              check=False).returncode
        lines.append(f"{path.relative_to(FIXES).as_posix()} {'broken' if code == 2 else 'parses'}")
    VERDICTS.write_text("\n".join(lines) + "\n")
    sys.exit(0)


def test_a_fix_is_whole_in_one_application(tmp_path):
    """An editor applies a quick fix once: TDL002's declares the data source and rewrites the reference together."""
    shutil.copyfile(FIXES / "TDL002" / "missing_block_crlf.tf", tmp_path / "main.tf")
    report = lint([str(tmp_path)], Settings())
    assert [[(e.span.line, e.span.column, e.text) for e in f.fix.edits] for f in report.active if f.rule == "TDL002"] == [
        [(12, 1, '\ndata "coder_workspace_owner" "me" {}\n'), (14, 11, "data.coder_workspace_owner.me.name")],
        [(12, 1, '\ndata "coder_workspace_owner" "me" {}\n'), (15, 11, "data.coder_workspace_owner.me.email")]]
