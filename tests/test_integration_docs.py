"""docs/integrations.md and .pre-commit-hooks.yaml: the setups people copy are valid and match the tool.

The workflow and GitLab snippets are checked against the schemas check-jsonschema
ships; the pre-commit snippet and the hooks manifest with pre-commit's own loaders.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from importlib import resources

import jsonschema
import pytest
from ruamel.yaml import YAML

from conftest import ROOT

DOC = ROOT / "docs" / "integrations.md"
FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.M | re.S)


def snippet(first_line: str) -> str:
    """The code block of the doc whose first line is ``first_line``."""
    found = [body for _, body in FENCE.findall(DOC.read_text(encoding="utf-8")) if body.split("\n", 1)[0] == first_line]
    assert len(found) == 1, f"one block starting with {first_line!r}"
    return found[0]


def yaml(text: str):
    return YAML(typ="safe").load(text)


def vendored_schema(name: str) -> dict:
    pytest.importorskip("check_jsonschema", reason="check-jsonschema is not installed (pip install '.[test]')")
    vendor = resources.files("check_jsonschema.builtin_schemas.vendor")
    return json.loads(vendor.joinpath(f"{name}.json").read_text(encoding="utf-8"))


def assert_valid(document, schema_name: str) -> None:
    schema = vendored_schema(schema_name)
    errors = list(jsonschema.validators.validator_for(schema)(schema).iter_errors(document))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]


def hooks() -> list[dict]:
    return yaml((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def test_hooks_manifest_loads_with_pre_commit(tmp_path):
    clientlib = pytest.importorskip("pre_commit.clientlib", reason="pre-commit is not installed")
    manifest = clientlib.load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))
    assert [hook["id"] for hook in manifest] == ["tfdind-lint", "tfdind-lint-all", "tfdind-lint-fix"]


@pytest.mark.parametrize("path, linted", [
    ("main.tf", True), ("modules/x/variables.tf", True), ("main.tf.json", True), ("k8s/pod.yaml", True),
    ("k8s/pod.yml", True), (".terraform/modules/m/main.tf", False), ("a/.terraform/modules/m/main.tf", False),
    ("nodes/user-data.toml", True), ("terraform.tfvars", False), ("main.tf.bak", False), ("README.md", False),
    ("my.terraform/main.tf", True),
])
def test_hook_file_patterns(path, linted):
    for hook in hooks():
        assert (re.search(hook["files"], path) is not None and re.search(hook["exclude"], path) is None) is linted


def test_hook_entries():
    assert {h["id"]: (h["entry"], h.get("pass_filenames", True), h["require_serial"]) for h in hooks()} == {
        "tfdind-lint": ("tfdind-lint check --force-exclude", True, True),
        "tfdind-lint-all": ("tfdind-lint check --force-exclude .", False, True),
        "tfdind-lint-fix": ("tfdind-lint check --force-exclude --fix", True, True),
    }


def test_pre_commit_snippet_is_a_valid_config_using_our_hooks(tmp_path):
    clientlib = pytest.importorskip("pre_commit.clientlib", reason="pre-commit is not installed")
    config = tmp_path / ".pre-commit-config.yaml"
    config.write_text(snippet("# .pre-commit-config.yaml"), encoding="utf-8")
    loaded = clientlib.load_config(str(config))
    ids = {hook["id"] for repo in loaded["repos"] for hook in repo["hooks"]}
    assert ids <= {hook["id"] for hook in hooks()}


def test_workflow_snippet_is_valid_and_uses_the_actions_inputs():
    workflow = yaml(snippet("# .github/workflows/tfdind-lint.yml"))
    assert_valid(workflow, "github-workflows")
    action = yaml((ROOT / "action.yml").read_text(encoding="utf-8"))
    (job,) = workflow["jobs"].values()
    assert job["permissions"]["security-events"] == "write"
    ours = next(s for s in job["steps"] if s.get("uses", "").startswith("OWNER/tfdind-lint@"))
    assert set(ours.get("with", {})) <= set(action["inputs"])
    upload = next(s for s in job["steps"] if s.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    assert upload["if"] == "always()"
    assert upload["with"]["category"]
    assert upload["with"]["sarif_file"] == action["inputs"]["sarif-file"]["default"]


def test_gitlab_snippet_is_valid():
    assert_valid(yaml(snippet("# .gitlab-ci.yml")), "gitlab-ci")


def test_shell_script_parses():
    if shutil.which("sh") is None:
        pytest.skip("no sh")
    script = snippet("#!/bin/sh")
    done = subprocess.run(["sh", "-n"], input=script, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert 'exec "$venv/bin/tfdind-lint" check --sarif-output tfdind-lint.sarif "$@"' in script


def test_readme_workflow_is_the_documented_one():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = [body for _, body in FENCE.findall(readme) if body.startswith("# .github/workflows/tfdind-lint.yml\n")]
    assert found == [snippet("# .github/workflows/tfdind-lint.yml")]
