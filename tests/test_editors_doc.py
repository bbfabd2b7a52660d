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


def blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", PAGE.read_text(encoding="utf-8"), re.S | re.M)


def test_the_page_has_a_snippet_for_each_editor():
    assert [len(blocks(language)) for language in ("json", "js", "lua", "toml", "elisp")] == [1, 1, 1, 1, 1]


def test_toml_snippets_parse_and_name_the_server():
    for block in blocks("toml"):
        data = tomllib.loads(block)
        assert data["language-server"]["tfdind-lint"] == {"command": "tfdind-lint", "args": ["server"]}
        assert all("tfdind-lint" in language["language-servers"] for language in data["language"])


def test_json_snippets_parse():
    for block in blocks("json"):
        manifest = json.loads(block)
        assert manifest["main"] == "./extension.js" and "vscode-languageclient" in manifest["dependencies"]


def test_lua_snippets_parse_where_luac_exists(tmp_path):
    luac = shutil.which("luac") or shutil.which("luac5.4") or shutil.which("luac5.1")
    if luac is None:
        pytest.skip("no Lua compiler (luac) on this machine to check the Neovim snippet")
    for n, block in enumerate(blocks("lua")):
        path = tmp_path / f"snippet{n}.lua"
        path.write_text(block, encoding="utf-8")
        subprocess.run([luac, "-p", str(path)], check=True)


def test_javascript_snippets_parse_where_node_exists(tmp_path):
    node = shutil.which("node")
    if node is None:
        pytest.skip("no node on this machine to check the VS Code snippet")
    for n, block in enumerate(blocks("js")):
        path = tmp_path / f"snippet{n}.js"
        path.write_text(block, encoding="utf-8")
        subprocess.run([node, "--check", str(path)], check=True)


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
