"""docs/editors.md: every configuration snippet parses in its own language (where a parser is at hand)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    tomllib = pytest.importorskip("tomli")

PAGE = ROOT / "docs" / "editors.md"
EXTENSION = ROOT / "editors" / "vscode"


def blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", PAGE.read_text(encoding="utf-8"), re.S | re.M)


def test_the_page_has_a_snippet_for_each_editor():
    assert [len(blocks(language)) for language in ("json", "lua", "toml", "elisp")] == [1, 1, 1, 1]


def test_toml_snippets_parse_and_name_the_server():
    for block in blocks("toml"):
        data = tomllib.loads(block)
        assert data["language-server"]["tfdind-lint"] == {"command": "tfdind-lint", "args": ["server"]}
        assert all("tfdind-lint" in language["language-servers"] for language in data["language"])


def test_json_snippets_are_settings_the_vscode_extension_declares():
    properties = json.loads((EXTENSION / "package.json").read_text(encoding="utf-8"))["contributes"]["configuration"]
    types = {"string": str, "array": list}
    for block in blocks("json"):
        settings = json.loads(block)
        assert set(settings) == set(properties["properties"])
        for key, value in settings.items():
            declared = properties["properties"][key]
            assert isinstance(value, types[declared["type"]]) and value in declared.get("enum", [value])


def test_the_vscode_build_commands_are_the_ones_ci_runs():
    """The page's `npm ci` / `vsce package` / install lines: the same flags as package.sh, the .vsix vsce names."""
    version = json.loads((EXTENSION / "package.json").read_text(encoding="utf-8"))["version"]
    (build,) = [block for block in blocks("sh") if "vsce" in block]
    script = (EXTENSION / "package.sh").read_text(encoding="utf-8")
    assert "cd editors/vscode\nnpm ci" in build and "npm ci" in script
    assert "npx @vscode/vsce package --allow-missing-repository" in build
    assert "vsce package --allow-missing-repository" in script
    assert f"code --install-extension tfdind-lint-{version}.vsix" in build
    assert f"code-server --install-extension tfdind-lint-{version}.vsix" in build


def test_lua_snippets_parse_where_luac_exists(tmp_path):
    luac = shutil.which("luac") or shutil.which("luac5.4") or shutil.which("luac5.1")
    if luac is None:
        pytest.skip("no Lua compiler (luac) on this machine to check the Neovim snippet")
    for n, block in enumerate(blocks("lua")):
        path = tmp_path / f"snippet{n}.lua"
        path.write_text(block, encoding="utf-8")
        subprocess.run([luac, "-p", str(path)], check=True)


def test_elisp_snippets_balance():
    """No Emacs here: the parentheses balance and the strings close, which is what a pasted snippet gets wrong."""
    for block in blocks("elisp"):
        depth, in_string, escaped = 0, False, False
        for char in block:
            if in_string:
                escaped, in_string = (not escaped and char == "\\"), in_string and (escaped or char != '"')
                continue
            if char == '"':
                in_string = True
            depth += {"(": 1, ")": -1}.get(char, 0)
            assert depth >= 0
        assert depth == 0 and not in_string
        assert '("tfdind-lint" "server")' in block
