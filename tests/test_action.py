"""The composite GitHub Action (action.yml): schema, no expression inside scripts, and its steps run locally.

The steps run the way the runner runs them: each ``run:`` script with
``bash --noprofile --norc -eo pipefail``, its ``env:`` expressions evaluated
first, ``GITHUB_OUTPUT`` a fresh file per step, and the ``GITHUB_*`` variables a
runner sets (``GITHUB_ACTION_PATH`` is this repository).  The install step runs
once for the module (a venv and ``pip install`` of this tree, about ten seconds
with a warm pip cache); the lint step runs once per test.
"""

from __future__ import annotations

import json
import os
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
from sarif_schemas import assert_valid_sarif

EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
ACTION_REPOSITORY, ACTION_REF = "octo-org/tfdind-lint", "v1"


def load_action() -> dict:
    return YAML(typ="safe").load((ROOT / "action.yml").read_text(encoding="utf-8"))


def action_schema() -> dict:
    pytest.importorskip("check_jsonschema", reason="check-jsonschema is not installed (pip install '.[test]')")
    vendor = resources.files("check_jsonschema.builtin_schemas.vendor")
    return json.loads(vendor.joinpath("github-actions.json").read_text(encoding="utf-8"))


def schema_errors(action: dict) -> list[str]:
    schema = action_schema()
    validator = jsonschema.validators.validator_for(schema)(schema)
    return [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(action)]


def test_action_is_valid_against_the_github_action_schema():
    assert schema_errors(load_action()) == []


def test_schema_check_catches_a_broken_action():
    action = load_action()
    del action["runs"]["steps"][0]["shell"]  # a composite run step needs its shell
    action["inputs"]["paths"]["desc"] = action["inputs"]["paths"].pop("description")
    assert len(schema_errors(action)) >= 2


def test_inputs_reach_scripts_only_through_env():
    action = load_action()
    for step in action["runs"]["steps"]:
        assert "${{" not in step["run"], f"an expression inside run: of step {step['id']}"
        for value in step.get("env", {}).values():
            for expression in EXPRESSION.findall(str(value)):
                name = expression.split(".", 1)[1]
                if expression.startswith("inputs."):
                    assert name in action["inputs"], expression
    used = {m.split(".", 1)[1] for s in action["runs"]["steps"] for v in s.get("env", {}).values()
            for m in EXPRESSION.findall(str(v)) if m.startswith("inputs.")}
    assert used == set(action["inputs"]), "every input is passed to a step"


# running the steps ------------------------------------------------------------------------------

class Runner:
    """Just enough of the Actions runner for a composite action of `shell: bash` steps."""

    def __init__(self, temp: Path):
        self.action = load_action()
        self.temp = temp
        self.outputs: dict[str, dict[str, str]] = {}

    def evaluate(self, text: str, inputs: dict) -> str:
        def value(match: re.Match) -> str:
            expression = match.group(1)
            scope, _, name = expression.partition(".")
            if scope == "inputs":
                spec = self.action["inputs"][name]
                return inputs.get(name, spec.get("default", ""))
            if scope == "github":
                return {"action_repository": ACTION_REPOSITORY, "action_ref": ACTION_REF}[name]
            step, _, output = name.partition(".outputs.")
            if scope == "steps" and output:
                return self.outputs.get(step, {}).get(output, "")
            raise AssertionError(f"unsupported expression: {expression}")

        return EXPRESSION.sub(value, text)

    def run(self, step_id: str, workspace: Path, inputs: dict | None = None, **extra_env: str) -> subprocess.CompletedProcess:
        step = next(s for s in self.action["runs"]["steps"] if s["id"] == step_id)
        assert step["shell"] == "bash"
        output = self.temp / f"output-{step_id}"
        output.write_text("", encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "RUNNER_", "INPUT_", "TFDIND_"))}
        env.update({
            "CI": "true", "GITHUB_ACTIONS": "true", "GITHUB_ACTION_PATH": str(ROOT),
            "GITHUB_WORKSPACE": str(workspace), "RUNNER_TEMP": str(self.temp), "GITHUB_OUTPUT": str(output),
            "GITHUB_STEP_SUMMARY": str(self.temp / "summary.md"), "GITHUB_SERVER_URL": "https://github.com",
            "GITHUB_REPOSITORY": "octo-org/templates", "GITHUB_SHA": "0123456789abcdef0123456789abcdef01234567",
            # what the runner sets in a composite action's steps
            "GITHUB_ACTION_REPOSITORY": "", "GITHUB_ACTION_REF": "",
            # python3 is the interpreter running the tests (a runner has a real one, not a pyenv shim)
            "PATH": os.pathsep.join([os.path.dirname(sys.executable), os.environ.get("PATH", "")]),
            **extra_env,
        })
        env.update({k: self.evaluate(str(v), inputs or {}) for k, v in step.get("env", {}).items()})
        script = self.temp / f"{step_id}.sh"
        script.write_text(step["run"], encoding="utf-8")
        done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)], cwd=workspace,
                              env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL)
        lines = output.read_text(encoding="utf-8").splitlines()
        self.outputs[step_id] = dict(line.split("=", 1) for line in lines)
        return done

    def lint(self, workspace: Path, **inputs) -> tuple[subprocess.CompletedProcess, dict, str]:
        """Run the lint step; (process, action outputs, step summary)."""
        summary = self.temp / "summary.md"
        summary.write_text("", encoding="utf-8")
        done = self.run("lint", workspace, inputs)
        outputs = {name: self.evaluate(spec["value"], {}) for name, spec in self.action["outputs"].items()}
        return done, outputs, summary.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def runner(tmp_path_factory):
    if shutil.which("bash") is None:
        pytest.skip("bash is not installed")
    runner = Runner(tmp_path_factory.mktemp("runner"))
    workspace = tmp_path_factory.mktemp("workspace")
    done = runner.run("install", workspace)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("tfdind-lint ")
    return runner


FAKE_PYTHON = """#!/bin/sh
# stands in for `python3 -m venv DIR`: DIR/bin/python only records how it is called
for last; do :; done
mkdir -p "$last/bin"
printf '#!/bin/sh\\necho "$*" >> "%s"\\n' "$CALLS" > "$last/bin/python"
chmod +x "$last/bin/python"
"""


def test_version_input_installs_that_release_from_pypi(tmp_path):
    fake = tmp_path / "fake-bin"
    fake.mkdir()
    (fake / "python3").write_text(FAKE_PYTHON, encoding="utf-8")
    (fake / "python3").chmod(0o755)
    calls = tmp_path / "calls"
    runner = Runner(tmp_path)
    done = runner.run("install", tmp_path, {"version": "9.9.9"}, CALLS=str(calls),
                      PATH=os.pathsep.join([str(fake), os.environ.get("PATH", "")]))
    assert done.returncode == 0, done.stderr
    assert calls.read_text(encoding="utf-8").splitlines() == [
        "-I -m pip install --quiet tfdind-lint==9.9.9", "-I -m tfdind_lint --version"]
    assert runner.outputs["install"] == {"python": f"{tmp_path}/tfdind-lint-venv/bin/python"}


def workspace_with(tmp_path: Path, **examples: str) -> Path:
    """A checkout: examples/<example> copied to templates/<name>."""
    workspace = tmp_path / "workspace"
    for name, example in examples.items():
        shutil.copytree(ROOT / "examples" / example, workspace / "templates" / name)
    return workspace


def test_findings_fail_the_step_and_still_write_sarif_annotations_and_summary(runner, tmp_path):
    workspace = workspace_with(tmp_path, sysbox="sysbox-docker/bad", podman="podman/good")
    done, outputs, summary = runner.lint(workspace)
    assert done.returncode == 1, done.stderr
    assert outputs == {"sarif-file": "tfdind-lint.sarif", "exit-code": "1"}
    sarif = json.loads((workspace / "tfdind-lint.sarif").read_text(encoding="utf-8"))
    assert_valid_sarif(sarif)
    results = sarif["runs"][0]["results"]
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results} == {
        "templates/sysbox/main.tf"}  # the good podman template stays quiet
    assert {"TDL010", "TDL101"} <= {r["ruleId"] for r in results}
    assert ("::error file=templates/sysbox/main.tf,line=94,col=1,endLine=94,endColumn=40,"
            "title=tfdind-lint TDL101 sysbox-runtime-missing::TDL101 No `runtime") in done.stdout
    assert done.stdout.count("\n::") + done.stdout.startswith("::") == len(results)  # one annotation per result
    rules = f"https://github.com/{ACTION_REPOSITORY}/blob/{ACTION_REF}/docs/rules.md"
    assert f"| [TDL101 sysbox-runtime-missing]({rules}#tdl101-sysbox-runtime-missing) | error | 1 |" in summary
    levels = [sum(r["level"] == level for r in results) for level in ("error", "warning", "note")]
    assert ("| [templates/sysbox/main.tf](https://github.com/octo-org/templates/blob/"
            "0123456789abcdef0123456789abcdef01234567/templates/sysbox/main.tf) | {} | {} | {} |").format(*levels) in summary


def test_clean_run_passes_inputs_through(runner, tmp_path):
    workspace = workspace_with(tmp_path, sysbox="sysbox-kubernetes/good", ignored="sysbox-docker/bad")
    done, outputs, summary = runner.lint(workspace, **{
        "paths": "templates/sysbox", "format": "text", "sarif-file": "reports/lint results.sarif",
        "args": "--sarif-category 'tfdind-lint/templates'"})
    assert done.returncode == 0, done.stdout + done.stderr
    assert outputs == {"sarif-file": "reports/lint results.sarif", "exit-code": "0"}
    assert done.stdout == "No findings in 3 files.\n"
    assert summary == ""  # only the github format writes a step summary
    sarif = json.loads((workspace / "reports" / "lint results.sarif").read_text(encoding="utf-8"))
    assert_valid_sarif(sarif)
    assert sarif["runs"][0]["results"] == []
    assert sarif["runs"][0]["automationDetails"] == {"id": "tfdind-lint/templates"}


def test_fail_on_and_config_inputs_become_flags(runner, tmp_path):
    workspace = workspace_with(tmp_path, sysbox="sysbox-docker/bad")
    done, outputs, _ = runner.lint(workspace, **{"fail-on": "error"})
    sarif = json.loads((workspace / "tfdind-lint.sarif").read_text(encoding="utf-8"))
    errors = [r for r in sarif["runs"][0]["results"] if r["level"] == "error"]
    assert done.returncode == (1 if errors else 0), done.stderr
    done, outputs, _ = runner.lint(workspace, config="no-such-config.yaml")
    assert (done.returncode, outputs["exit-code"]) == (2, "2")
    assert "no-such-config.yaml" in done.stderr


def test_usage_error_exits_2_and_leaves_no_stale_sarif(runner, tmp_path):
    workspace = workspace_with(tmp_path, sysbox="sysbox-kubernetes/good")
    (workspace / "tfdind-lint.sarif").write_text("{}", encoding="utf-8")  # from an earlier step
    done, outputs, _ = runner.lint(workspace, paths="templates does-not-exist")
    assert done.returncode == 2
    assert outputs == {"sarif-file": "", "exit-code": "2"}
    assert "tfdind-lint: error: path does not exist: does-not-exist" in done.stderr
    assert not (workspace / "tfdind-lint.sarif").exists()


def test_inputs_are_never_executed(runner, tmp_path):
    workspace = workspace_with(tmp_path, sysbox="sysbox-kubernetes/good")
    done, outputs, _ = runner.lint(workspace, paths='templates "$(touch pwned)" `touch pwned2`; touch pwned3')
    assert done.returncode == 2
    assert not any((workspace / name).exists() for name in ("pwned", "pwned2", "pwned3"))
    assert "path does not exist: $(touch pwned)" in done.stderr
    done, outputs, _ = runner.lint(workspace, args="--sarif-category 'unclosed")
    assert done.returncode == 2
    assert "::error::tfdind-lint action: cannot split the args input: No closing quotation" in done.stderr
    assert outputs["exit-code"] == ""  # the step stopped before running the tool


def test_a_path_with_nothing_to_lint_fails_the_step_unless_allowed(runner, tmp_path):
    """A mistyped `paths:` (a directory of CI YAML, an empty one) must not go green."""
    workspace = workspace_with(tmp_path, sysbox="sysbox-kubernetes/good")
    (workspace / ".github" / "workflows").mkdir(parents=True)
    (workspace / "ci").mkdir()
    (workspace / "ci" / "build.yaml").write_text("on: push\njobs: {}\n", encoding="utf-8")
    done, outputs, _ = runner.lint(workspace, paths="ci", format="text")
    assert (done.returncode, outputs) == (2, {"sarif-file": "", "exit-code": "2"})  # no empty SARIF to upload
    assert done.stdout == ""
    assert ("tfdind-lint: warning: no Terraform or Kubernetes files found under ci\n"
            "tfdind-lint: error: nothing to lint under ci (--fail-if-empty); no report written\n") in done.stderr
    assert not (workspace / "tfdind-lint.sarif").exists()
    done, outputs, _ = runner.lint(workspace, paths="ci", format="text", **{"allow-empty": "true"})
    assert (done.returncode, done.stdout) == (0, "No findings in 0 files.\n")
    assert "no Terraform or Kubernetes files found under ci" in done.stderr
    done, _, _ = runner.lint(workspace, paths="templates", format="text")
    assert done.returncode == 0, done.stderr
    done, _, _ = runner.lint(workspace, paths="ci", **{"allow-empty": "maybe"})
    assert done.returncode == 2 and "allow-empty must be true or false" in done.stdout
