"""What the tool and the suite assume about line endings and paths, made explicit for Windows and macOS.

- Line endings: git for Windows checks text files out with CRLF by default (``core.autocrlf``).
  ``.gitattributes`` checks the repository out with LF everywhere (the suite compares exact
  bytes), except ``tests/crlf/``, which keeps CRLF: a user's Windows checkout. CRLF templates,
  manifests and user data must give the same findings at the same positions as LF ones.
- Paths: findings, baselines and configuration globs use ``/`` whatever the system's separator;
  Windows paths compare without regard to case. Tested here on POSIX with ``ntpath`` patched in.
"""

from __future__ import annotations

import ntpath
import os
import posixpath
import shutil
import types

import pytest

from conftest import ROOT, TESTS, expectations
from tfdind_lint import config, discover
from tfdind_lint.linter import lint
from tfdind_lint.settings import RunSettings

CRLF = TESTS / "crlf"


def test_gitattributes_keep_lf_checkouts_and_the_crlf_fixtures():
    lines = [line.split() for line in (ROOT / ".gitattributes").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    assert ["*", "text=auto", "eol=lf"] in lines
    assert ["tests/crlf/**", "-text"] in lines


def test_crlf_fixtures_are_crlf():
    files = sorted(p for p in CRLF.rglob("*") if p.is_file())
    assert len(files) == 3
    for path in files:
        data = path.read_bytes()
        assert data.count(b"\r\n") >= 10, path
        assert b"\n" not in data.replace(b"\r\n", b""), f"{path}: a line ends with LF alone"


def test_crlf_templates_give_their_marked_findings(in_root):
    report = lint([str(CRLF.relative_to(ROOT))], RunSettings())
    found = {(f.span.path, f.span.line, f.rule) for f in report.active}
    assert found == expectations(CRLF)
    for finding in report.active:  # a position never counts the carriage return
        line = (ROOT / finding.span.path).read_text(encoding="utf-8").splitlines()[finding.span.line - 1]
        if finding.span.end_line == finding.span.line:
            assert finding.span.end_column <= len(line) + 1, finding


def _report(root, fmt):
    from tfdind_lint.formats import render

    previous = os.getcwd()
    os.chdir(root)
    try:
        return render(fmt, lint(["."], RunSettings()), RunSettings())
    finally:
        os.chdir(previous)


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_crlf_copies_of_the_examples_report_exactly_what_lf_ones_do(tmp_path, fmt):
    """Every finding, position, related place, fingerprint and GitHub line hash is the same."""
    lf, crlf = tmp_path / "lf", tmp_path / "crlf"
    shutil.copytree(ROOT / "examples", lf)
    shutil.copytree(ROOT / "examples", crlf)
    converted = 0
    for path in crlf.rglob("*"):
        if path.suffix in (".tf", ".yaml", ".yml", ".toml", ".json"):
            path.write_bytes(path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
            converted += 1
    assert converted >= 14
    expected = _report(lf, fmt)
    assert '"TDL401"' in expected
    assert _report(crlf, fmt) == expected


@pytest.fixture
def windows_paths(monkeypatch):
    """The path functions of discover.py and config.py as they run on Windows (separator ``\\``)."""
    fake = types.SimpleNamespace(**{name: getattr(os, name) for name in dir(os) if not name.startswith("__")})
    fake.path, fake.sep = ntpath, "\\"
    for module in (discover, config):
        monkeypatch.setattr(module, "os", fake)
    return fake


def test_displayed_paths_use_slashes_on_windows(windows_paths):
    assert discover.display_path(r".\templates\docker\main.tf") == "templates/docker/main.tf"
    assert discover.display_path(r"templates\docker\..\k8s\pod.yaml") == "templates/k8s/pod.yaml"
    assert discover.display_path("templates/docker/main.tf") == "templates/docker/main.tf"


def test_force_exclude_sees_hidden_directories_in_windows_paths(windows_paths):
    assert discover.force_excluded(r"templates\.terraform\modules\x\main.tf", is_dir=False)
    assert not discover.force_excluded(r"templates\docker\main.tf", is_dir=False)
    assert discover.force_excluded(r"templates\.git", is_dir=True)


def test_configuration_paths_are_relative_with_slashes_and_ignore_case_on_windows(windows_paths):
    assert config.relative_to(r"C:\repo\templates\docker\main.tf", r"C:\repo") == "templates/docker/main.tf"
    # NTFS compares names without regard to case; so does ntpath.relpath
    assert config.relative_to(r"c:\Repo\Templates\main.tf", r"C:\repo") == "Templates/main.tf"


def test_configuration_paths_on_posix_keep_case():
    assert os.path is posixpath or os.name == "nt"
    if os.name != "nt":
        assert config.relative_to("/Repo/templates/main.tf", "/repo") == "../Repo/templates/main.tf"


def test_only_the_toml_reader_imports_tomllib():
    """Python 3.10 has no ``tomllib``: every other module reads TOML through ``sources.toml.toml_library``
    (``tomli`` there), or a run on 3.10 fails with TDL999 (TDL304's fix once did)."""
    import ast

    package = ROOT / "tfdind_lint"
    importers = set()
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                     else [node.module] if isinstance(node, ast.ImportFrom) else [])
            if "tomllib" in names:
                importers.add(path.relative_to(package).as_posix())
    assert importers == {"sources/toml.py"}
