"""editors/vscode: the VS Code extension's manifest, what it starts and on which files, checked without node.

Its packaging (npm ci, vsce package, the .vsix's contents) is checked by editors/vscode/package.sh, which
.ci/run runs; here node, where present, only checks extension.js's syntax and runs its start-up smoke test.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from conftest import ROOT
from tfdind_lint.discover import TERRAFORM_SUFFIXES, TOML_SUFFIXES, YAML_SUFFIXES
from tfdind_lint.server.engine import is_linted

EXTENSION = ROOT / "editors" / "vscode"


def manifest() -> dict:
    return json.loads((EXTENSION / "package.json").read_text(encoding="utf-8"))


def lock() -> dict:
    return json.loads((EXTENSION / "package-lock.json").read_text(encoding="utf-8"))


def source() -> str:
    return (EXTENSION / "extension.js").read_text(encoding="utf-8")


def document_patterns() -> list[str]:
    """The glob patterns of extension.js's DOCUMENT_SELECTOR (the files the client sends to the server)."""
    (selector,) = re.findall(r"const DOCUMENT_SELECTOR = \[([^\]]*)\]", source())
    return re.findall(r'"([^"]+)"', selector)


def test_the_manifest_has_what_vscode_and_open_vsx_require():
    data = manifest()
    assert re.fullmatch(r"[a-z0-9][a-z0-9-]*", data["name"]) and re.fullmatch(r"[a-z0-9][a-z0-9-]*", data["publisher"])
    assert re.fullmatch(r"\d+\.\d+\.\d+", data["version"])
    assert re.fullmatch(r"\^1\.\d+\.\d+", data["engines"]["vscode"])
    assert data["main"] == "./extension.js" and (EXTENSION / data["main"]).is_file()
    assert data["license"] == "MIT" and data["displayName"] and data["description"]
    assert data["categories"] == ["Linters"]
    assert data["activationEvents"] and data["contributes"]["configuration"]["properties"]


def test_the_settings_choose_the_command_and_its_arguments():
    properties = manifest()["contributes"]["configuration"]["properties"]
    assert properties["tfdind-lint.path"]["type"] == "string" and properties["tfdind-lint.path"]["default"] == "tfdind-lint"
    assert properties["tfdind-lint.args"] == {**properties["tfdind-lint.args"], "type": "array", "default": []}
    assert properties["tfdind-lint.trace.server"]["enum"] == ["off", "messages", "verbose"]
    # what runs is not the workspace's choice in an untrusted workspace
    untrusted = manifest()["capabilities"]["untrustedWorkspaces"]
    assert untrusted["supported"] == "limited"
    assert untrusted["restrictedConfigurations"] == ["tfdind-lint.path", "tfdind-lint.args"]


def test_extension_js_starts_the_configured_command_with_server_over_stdio():
    text = source()
    assert 'const ID = "tfdind-lint";' in text
    assert 'require("vscode-languageclient/node")' in text
    assert 'configuration.get("path", ID)' in text and 'configuration.get("args", [])' in text
    assert 'args: [...(settings.args || []), "server"]' in text
    assert "transport" not in text  # an Executable without a transport talks over stdio
    assert "pip install 'tfdind-lint[lsp]'" in text
    assert re.search(r'registerCommand\(`\$\{ID\}\.restart`', text)
    assert [c["command"] for c in manifest()["contributes"]["commands"]] == ["tfdind-lint.restart"]


def test_the_documents_sent_are_the_files_the_server_lints():
    patterns = document_patterns()
    suffixes = {pattern.removeprefix("**/*") for pattern in patterns}
    assert suffixes == set(TERRAFORM_SUFFIXES + YAML_SUFFIXES + TOML_SUFFIXES)
    for suffix in suffixes:
        assert is_linted(f"/work/template/main{suffix}")
    assert not is_linted("/work/template/main.py") and not is_linted("/work/template/data.json")


def test_the_extension_activates_for_each_kind_of_file_it_lints():
    events = set(manifest()["activationEvents"])
    # .tf: a language only with HashiCorp's extension, hence also on a workspace holding .tf files
    assert {"onLanguage:terraform", "workspaceContains:**/*.tf"} <= events
    assert {"onLanguage:json", "workspaceContains:**/*.tf.json"} <= events  # .tf.json
    assert "onLanguage:yaml" in events  # Kubernetes manifests
    assert "onLanguage:toml" in events  # Bottlerocket user data
    assert all(event.startswith(("onLanguage:", "workspaceContains:")) for event in events)


def test_installs_are_reproducible_and_vsce_is_pinned():
    data, locked = manifest(), lock()
    assert locked["name"] == data["name"] and locked["packages"][""]["dependencies"] == data["dependencies"]
    assert locked["packages"][""]["devDependencies"] == data["devDependencies"]
    for name, version in {**data["dependencies"], **data["devDependencies"]}.items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"{name} is not pinned"
        assert locked["packages"][f"node_modules/{name}"]["version"] == version
    client = locked["packages"]["node_modules/vscode-languageclient"]
    # vscode-languageclient runs on the VS Code versions the manifest admits
    assert client["engines"]["vscode"] == data["engines"]["vscode"]
    assert "@vscode/vsce" in data["devDependencies"]


def test_the_extension_carries_the_licence_and_leaves_out_its_build_files():
    assert (EXTENSION / "LICENSE").read_bytes() == (ROOT / "LICENSE").read_bytes()
    ignored = (EXTENSION / ".vscodeignore").read_text(encoding="utf-8").splitlines()
    assert {"test/**", "package.sh", "package-lock.json", "*.vsix"} <= set(ignored)
    gitignore = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert {"/editors/vscode/node_modules/", "*.vsix"} <= set(gitignore)


def test_the_extension_readme_has_no_relative_links():
    """vsce refuses to package a README whose relative links it cannot resolve without a repository."""
    readme = (EXTENSION / "README.md").read_text(encoding="utf-8")
    links = re.findall(r"\]\(([^)]+)\)", readme)
    assert all(link.startswith("https://") for link in links), links
    assert "pip install 'tfdind-lint[lsp]'" in readme


@pytest.fixture(scope="module")
def node():
    found = shutil.which("node")
    if found is None:
        pytest.skip("no node on this machine to run extension.js")
    return found


def test_extension_js_parses(node):
    subprocess.run([node, "--check", str(EXTENSION / "extension.js")], check=True)


def test_extension_js_starts_the_client_in_its_smoke_test(node):
    """test/smoke.js stubs `vscode` and vscode-languageclient: no npm install is needed."""
    result = subprocess.run([node, str(EXTENSION / "test" / "smoke.js")], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "extension.js smoke test: ok"


def test_ci_packages_the_extension():
    """.ci/run and the GitHub workflow both run package.sh; .ci/run reports it as not tested without node."""
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'editors/vscode/package.sh "$work"' in script
    assert "not tested: no node 20 or later and npm on PATH" in script
    assert 'node editors/vscode/test/client.js "$unpacked/extension" "$venv/bin/tfdind-lint"' in script
    workflow = (ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    assert "- run: editors/vscode/package.sh" in workflow
    package_sh = (EXTENSION / "package.sh").read_text(encoding="utf-8")
    for entry in ("extension/package.json", "extension/extension.js", "extension/node_modules/vscode-languageclient/"):
        assert entry in package_sh
