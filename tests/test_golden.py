"""Golden files: examples/ rendered in every format, byte for byte.

After an intended change, regenerate with ``TFDIND_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py``
and review the diff.
"""

from __future__ import annotations

import json
import os

import pytest

from conftest import TESTS
from sarif_schemas import assert_valid_sarif
from tfdind_lint.formats import Options, render
from tfdind_lint.linter import Settings, lint

GOLDEN = TESTS / "golden"
FORMATS = {"text": "examples.txt", "json": "examples.json", "sarif": "examples.sarif"}


@pytest.fixture(scope="module")
def rendered():
    cwd = os.getcwd()
    os.chdir(TESTS.parent)
    try:
        settings = Settings()
        report = lint(["examples"], settings)
        return {fmt: render(fmt, report, settings, Options()) for fmt in FORMATS}
    finally:
        os.chdir(cwd)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_golden(fmt, rendered):
    path = GOLDEN / FORMATS[fmt]
    if os.environ.get("TFDIND_UPDATE_GOLDEN"):
        path.write_text(rendered[fmt], encoding="utf-8")
    assert rendered[fmt] == path.read_text(encoding="utf-8"), f"{path.name} differs; see the module docstring"


def test_golden_sarif_is_valid_against_both_schemas():
    assert_valid_sarif(json.loads((GOLDEN / "examples.sarif").read_text(encoding="utf-8")))


def test_golden_json_round_trips():
    text = (GOLDEN / "examples.json").read_text(encoding="utf-8")
    assert json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n" == text
