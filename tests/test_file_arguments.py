"""Files named on the command line, the way pre-commit names them; --force-exclude; --sarif-output."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from conftest import ROOT
from sarif_schemas import assert_valid_sarif
from tfdind_lint.cli import main
from tfdind_lint.discover import force_excluded
from tfdind_lint.rules import PROJECT_SCOPED


def findings(capsys, *argv: str) -> tuple[int, set[tuple[str, int, str]], list[str]]:
    """(exit code, {(path, line, rule)}, files read) of a JSON run."""
    code = main(["-f", "json", *argv])
    data = json.loads(capsys.readouterr().out)
    active = {(f["path"], f["line"], f["rule"]) for f in data["findings"] if not f["suppressed"]}
    return code, active, data


def example_files() -> list[str]:
    return sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "examples").rglob("*")
                  if p.suffix in (".tf", ".yaml", ".yml"))


def test_parts_of_a_file_list_add_up_to_the_whole_run(in_root, capsys):
    # pre-commit's xargs may split the list into several calls, in any order
    _, whole, _ = findings(capsys, "examples")
    files = example_files()
    parts = [files[i::3] for i in range(3)]  # every part mixes modules, and splits some of them
    assert all(len({os.path.dirname(f) for f in part}) > 1 for part in parts)
    seen: set = set()
    for part in parts:
        code, found, _ = findings(capsys, *part)
        assert {path for path, _, _ in found} <= set(part), "only named files are reported"
        assert code == (1 if found else 0)
        seen |= found
    assert seen <= whole, "no finding that the whole run does not have"
    # what is missing needs files from two parts: only the cross-file rules
    assert {rule for _, _, rule in whole - seen} <= PROJECT_SCOPED
    assert {rule for _, _, rule in seen} - PROJECT_SCOPED == {rule for _, _, rule in whole} - PROJECT_SCOPED


def test_files_of_several_modules_in_one_call_load_each_module(in_root, capsys):
    # main.tf of dind-kubernetes/good uses variables declared in its variables.tf: no TDL001
    code, found, data = findings(capsys, "examples/dind-kubernetes/good/main.tf", "examples/sysbox-docker/bad/main.tf",
                                 "examples/systemd-sysbox/good/main.tf")
    assert code == 1
    assert {path for path, _, _ in found} == {"examples/sysbox-docker/bad/main.tf"}
    assert {("examples/sysbox-docker/bad/main.tf", 35, "TDL010"),
            ("examples/sysbox-docker/bad/main.tf", 94, "TDL101")} <= found
    assert data["summary"]["files"] == 3


def test_a_finding_in_an_unnamed_sibling_is_not_reported(tmp_path, monkeypatch, capsys):
    # a commit touching outputs.tf alone does not fail on an old finding in main.tf
    module = tmp_path / "module"
    module.mkdir()
    shutil.copy2(ROOT / "examples" / "sysbox-docker" / "bad" / "main.tf", module / "main.tf")
    (module / "outputs.tf").write_text('output "image" {\n  value = "codercom/enterprise-base:ubuntu"\n}\n',
                                       encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, found, data = findings(capsys, "module/outputs.tf")
    assert (code, found, data["summary"]["files"]) == (0, set(), 1)
    code, found, _ = findings(capsys, "module/main.tf", "module/outputs.tf")
    assert code == 1
    assert {"TDL010", "TDL101"} <= {rule for _, _, rule in found}


def test_a_yaml_file_named_alone(in_root, capsys):
    code, found, data = findings(capsys, "tests/policies/TDL412/yaml/pod.yaml")
    assert (code, found) == (1, {("tests/policies/TDL412/yaml/pod.yaml", 10, "TDL412")})
    assert data["summary"]["files"] == 1


def test_the_same_file_named_twice_is_reported_once(in_root, capsys):
    _, _, once = findings(capsys, "examples/sysbox-docker/bad/main.tf")
    _, _, twice = findings(capsys, "examples/sysbox-docker/bad/main.tf", "./examples/sysbox-docker/bad/main.tf")
    assert twice["findings"] == once["findings"] and once["findings"]


# --force-exclude ----------------------------------------------------------------------------------

@pytest.mark.parametrize("path, is_dir, excluded", [
    ("main.tf", False, False),
    (".hidden.tf", False, False),  # a hidden file is linted; a walk skips hidden directories only
    (".terraform/modules/m/main.tf", False, True),
    ("a/.terraform/modules/m/main.tf", False, True),
    (".github/workflows/ci.yaml", False, True),
    (".terraform", True, True),
    ("a/b", True, False),
    (".", True, False),
    ("../x/main.tf", False, False),
    ("../.x/main.tf", False, True),
])
def test_force_excluded(path, is_dir, excluded):
    assert force_excluded(path, is_dir) is excluded


def test_force_excluded_judges_an_absolute_path_below_the_working_directory(tmp_path, monkeypatch):
    checkout = tmp_path / ".src" / "repo"
    checkout.mkdir(parents=True)
    monkeypatch.chdir(checkout)
    assert force_excluded(str(checkout / "main.tf"), False) is False
    assert force_excluded(str(checkout / ".terraform" / "main.tf"), False) is True
    assert force_excluded(str(tmp_path / ".other" / "main.tf"), False) is True  # outside: as written


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A clean module, and a defective copy under .terraform/ (where `terraform init` puts modules)."""
    shutil.copytree(ROOT / "examples" / "sysbox-kubernetes" / "good", tmp_path / "workspace")
    vendored = tmp_path / ".terraform" / "modules" / "m"
    vendored.mkdir(parents=True)
    shutil.copy2(ROOT / "examples" / "sysbox-docker" / "bad" / "main.tf", vendored / "main.tf")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_named_files_are_linted_even_where_a_walk_would_not_look(project, capsys):
    code, found, _ = findings(capsys, "workspace/main.tf", ".terraform/modules/m/main.tf")
    assert code == 1
    assert {path for path, _, _ in found} == {".terraform/modules/m/main.tf"}


def test_force_exclude_skips_named_paths_a_walk_would_skip(project, capsys):
    code, found, data = findings(capsys, "--force-exclude", "workspace/main.tf", ".terraform/modules/m/main.tf",
                                 str(project / ".terraform"))
    assert (code, found) == (0, set())
    assert data["summary"]["files"] == 1
    assert {s["path"] for s in data["skipped"]} == {".terraform/modules/m/main.tf", str(project / ".terraform")}
    assert main(["--force-exclude", ".terraform/modules/m/main.tf"]) == 0
    assert capsys.readouterr().out == "No findings in 0 files; 1 skipped (--verbose lists them).\n"


# --sarif-output -----------------------------------------------------------------------------------

def test_sarif_output_is_written_next_to_the_printed_format(in_root, tmp_path, capsys):
    out = tmp_path / "lint.sarif"
    assert main(["-f", "text", "--sarif-output", str(out), "examples/sysbox-docker/bad"]) == 1
    text = capsys.readouterr().out
    assert text.startswith("examples/sysbox-docker/bad/main.tf:35:10: TDL010 ")
    document = json.loads(out.read_text(encoding="utf-8"))
    assert_valid_sarif(document)
    results = document["runs"][0]["results"]
    assert {"TDL010", "TDL101"} <= {r["ruleId"] for r in results}
    assert text.splitlines()[-1].startswith(f"Found {len(results)} findings (")  # the same findings


def test_clean_run_writes_an_empty_sarif_results_array(in_root, tmp_path, capsys):
    out = tmp_path / "lint.sarif"
    assert main(["-f", "github", "--sarif-output", str(out), "examples/sysbox-docker/good"]) == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    assert_valid_sarif(document)
    assert document["runs"][0]["results"] == []


def test_unwritable_sarif_output_is_an_error(in_root, tmp_path, capsys):
    assert main(["--sarif-output", str(tmp_path / "missing" / "x.sarif"), "examples/sysbox-docker/good"]) == 2
    assert "tfdind-lint: error: cannot write" in capsys.readouterr().err


def test_force_exclude_applies_the_configurations_exclude_to_named_files(project, capsys):
    (project / ".tfdind-lint.yaml").write_text('exclude: ["vendor/**"]\n', encoding="utf-8")
    shutil.copytree(ROOT / "examples" / "sysbox-docker" / "bad", project / "vendor" / "sysbox")
    code, found, _ = findings(capsys, "vendor/sysbox/main.tf")
    assert code == 1 and found, "a named file is linted without --force-exclude"
    code, found, data = findings(capsys, "--force-exclude", "vendor/sysbox/main.tf", "workspace/main.tf")
    assert (code, found) == (0, set())
    assert {s["path"] for s in data["skipped"]} == {"vendor/sysbox/main.tf"}
