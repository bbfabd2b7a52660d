"""Golden files: examples/ rendered in every format, byte for byte.

After an intended change, regenerate with ``TFDIND_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py``
and review the diff.
"""

from __future__ import annotations

import json
import os
from unittest import mock

import pytest

from conftest import TESTS
from sarif_schemas import assert_valid_sarif
from tfdind_lint.formats import Options, links, render
from tfdind_lint.linter import lint
from tfdind_lint.settings import RunSettings

GOLDEN = TESTS / "golden"
#: golden file -> (format, options)
FORMATS = {
    "examples.txt": ("full", {}),
    "examples.color.txt": ("full", {"color": True}),
    "examples.concise.txt": ("concise", {}),
    "examples.json": ("json", {}),
    "examples.sarif": ("sarif", {}),
    "examples.gitlab.json": ("gitlab", {}),
    "examples.junit.xml": ("junit", {}),
}


@pytest.fixture(scope="module")
def rendered():
    cwd = os.getcwd()
    os.chdir(TESTS.parent)
    environ = {k: v for k, v in os.environ.items() if k != "CI_PROJECT_DIR"}
    # no project URLs, whatever the installed metadata says: the golden files stay the same
    with mock.patch.object(links, "project_urls", lambda: {}), mock.patch.dict(os.environ, environ, clear=True):
        try:
            settings = RunSettings()
            report = lint(["examples"], settings)
            return {name: render(fmt, report, settings, Options(**options)) for name, (fmt, options) in FORMATS.items()}
        finally:
            os.chdir(cwd)


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_golden(name, rendered):
    path = GOLDEN / name
    if os.environ.get("TFDIND_UPDATE_GOLDEN"):
        path.write_text(rendered[name], encoding="utf-8")
    assert rendered[name] == path.read_text(encoding="utf-8"), f"{path.name} differs; see the module docstring"


def test_golden_sarif_is_valid_against_both_schemas():
    assert_valid_sarif(json.loads((GOLDEN / "examples.sarif").read_text(encoding="utf-8")))


def test_golden_json_round_trips():
    text = (GOLDEN / "examples.json").read_text(encoding="utf-8")
    assert json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n" == text
