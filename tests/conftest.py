"""Shared test helpers.

Tests that read ``../shared`` (the seed page, GitHub's SARIF schema) skip cleanly when
it is not there; the official SARIF schema is committed under ``tests/data/sarif/``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
SHARED = ROOT.parent / "shared"


def imported_modules(*argv: str, cwd=ROOT) -> set[str]:
    """Every module a command line imports, run in a fresh interpreter in ``cwd``."""
    code = ("import sys\nfrom tfdind_lint.cli import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
            "sys.stderr.write('\\nMODULES ' + ' '.join(sorted(sys.modules)))")
    result = subprocess.run([sys.executable, "-c", code, *argv], cwd=cwd, capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False)
    return set(result.stderr.rsplit("MODULES ", 1)[1].split())


#: One expected finding: ``TDL404``; with its column ``TDL404@17``, its severity ``TDL402 note``, a count
#: ``TDL404 x2`` (two findings on the line), or all three ``TDL404@17 warning x2``.
ITEM = re.compile(r"(?P<rule>TDL\d{3})(?:@(?P<column>\d+))?(?:\s+(?P<severity>error|warning|note)\b)?(?:\s+x(?P<count>\d+)\b)?")
#: `# expect: TDL001`, `// expect: TDL001, TDL002 x2`, or in JSON a comment property `"//": "expect: TDL001"`
EXPECT = re.compile(r'(?:#|//)(?:"\s*:\s*")?\s*expect:\s*(?P<rules>{item}(?:\s*,\s*{item})*)'.format(
    item=re.sub(r"\?P<\w+>", "?:", ITEM.pattern)))
#: The files fixtures are read from (a marker elsewhere, in a snapshot or a README, is not one).
FIXTURE_SUFFIXES = (".tf", ".yaml", ".yml", ".toml", ".json")


@dataclass(frozen=True)
class Marker:
    """An ``# expect:`` item: ``count`` findings of ``rule`` on ``line`` (at ``column`` / with ``severity`` if given)."""

    path: str
    line: int
    rule: str
    column: int | None = None
    severity: str | None = None
    count: int = 1


def markers(directory: Path) -> list[Marker]:
    """Every ``# expect:`` item under a directory, in file and line order."""
    found = []
    for path in sorted(directory.rglob("*")):
        if not path.is_file() or path.suffix not in FIXTURE_SUFFIXES:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
            m = EXPECT.search(line)
            if m:
                for item in ITEM.finditer(m.group("rules")):
                    found.append(Marker(path.relative_to(ROOT).as_posix(), number, item["rule"],
                                        int(item["column"]) if item["column"] else None, item["severity"],
                                        int(item["count"] or 1)))
    return found


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    """The result cache of every run in a test (in process or not) is the test's own, never the user's: a result
    cached by another test (with other checks patched in) must not answer for this one."""
    monkeypatch.setenv("TFDIND_LINT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


def shared_file(relative: str) -> Path:
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"../shared/{relative} is not available on this machine")
    return path


def expectations(directory: Path) -> set[tuple[str, int, str]]:
    """(path relative to the repo, line, rule) for every ``# expect: TDLnnn`` marker under a directory."""
    return {(m.path, m.line, m.rule) for m in markers(directory)}


@pytest.fixture
def in_root(monkeypatch):
    """Run with the repository as the working directory, so paths in findings are relative to it."""
    monkeypatch.chdir(ROOT)
    return ROOT


def write_tree(root: Path, files: dict[str, str]) -> Path:
    """Create files (``{"dir/main.tf": text}``) under ``root``; returns ``root``."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def cli(capsys):
    """Run the command line in-process: ``code, out, err = cli("--select", "TDL4", ".")``."""
    from tfdind_lint.cli import main

    def run(*argv: str) -> tuple[int, str, str]:
        try:
            code = main(list(argv))
        except SystemExit as exc:  # argparse usage errors
            code = exc.code
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


#: A Docker template whose dind sidecar is privileged: TDL401 on line 14 (`privileged = true`).
#: A .tf file of comments that lifts a test tree over cli.SMALL_RUN_BYTES, so that the command line uses the cache
PADDING_TF = "# padding: enough input for the command line to use the result cache\n" + ("#" * 99 + "\n") * 170

SIDECAR_TF = """\
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "docker_container" "workspace" {
  image   = "codercom/enterprise-base:ubuntu"
  name    = "dev"
  command = ["sh", "-c", coder_agent.main.init_script]
}

resource "docker_container" "dind" {
  image      = "docker:dind"
  privileged = true
  name       = "dind"
}
"""

#: The same as a Pod manifest: TDL401 on line 9 (`privileged: true`).
SIDECAR_YAML = """\
apiVersion: v1
kind: Pod
metadata:
  name: ws
spec:
  containers:
    - name: dind
      image: docker:dind
      securityContext: {privileged: true}
    - name: dev
      image: codercom/enterprise-base:ubuntu
      env: [{name: CODER_AGENT_TOKEN, value: x}]
"""


def line_of(span) -> str:
    """The text of the line a span starts on, stripped: a test names the line a finding points at by what it says."""
    return Path(span.path).read_text(encoding="utf-8").split("\n")[span.line - 1].strip()
