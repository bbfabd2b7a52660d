"""Every hostile case (cases.py) next to a good corpus, through the CLI in-process.

For each case: no exception escapes, the run takes a few seconds and bounded
memory, the exit code is 1 (findings) and never 2, the hostile entry gets exactly
the stated TDL000 findings or skip reasons, and every other file's findings are
exactly those of the corpus linted without it.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import stat
import sys
import time
import tracemalloc

import pytest

from cases import CASES, TF, write
from conftest import ROOT
from tfdind_lint import cli, linter

#: The good corpus: findings of several rules, Terraform and YAML, one project-wide check.
CORPUS = {
    "good/docker": "tests/policies/TDL412/docker",
    "good/k8s": "tests/policies/TDL101/k8s_bad",
    "good/yaml": "tests/policies/TDL401/yaml",
    "good/seed": "tests/seed/ex12",
}
SECONDS = 5  # "the run ends within a few seconds": the slowest case takes about 1.5 s here
MIB = 1024 * 1024


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile") / "corpus"
    for destination, source in CORPUS.items():
        shutil.copytree(ROOT / source, root / destination)
    # the target of the link out of the root: a file that would give findings if it were read
    (root.parent / "outside").mkdir()
    (root.parent / "outside" / "secret.tf").write_bytes(TF)
    return root


def run(root, paths, output) -> tuple[int, dict]:
    """The CLI in-process, in ``root``: (exit code, the JSON report)."""
    here = os.getcwd()
    os.chdir(root)
    try:
        code = cli.main([*paths, "--format", "json", "--output", str(output)])
    finally:
        os.chdir(here)
    return code, json.loads(output.read_text(encoding="utf-8"))


def findings(report, under: str) -> set:
    return {(f["path"], f["rule"], f["line"], f["column"], f["message"]) for f in report["findings"] if f["path"].startswith(under)}


@pytest.fixture(scope="module")
def baseline(corpus, tmp_path_factory):
    code, report = run(corpus, ["."], tmp_path_factory.mktemp("out") / "baseline.json")
    assert code == 1 and findings(report, "good/")
    return findings(report, "good/")


@contextlib.contextmanager
def deadline(seconds: int):
    """Fail instead of hanging the suite (a FIFO opened by mistake blocks forever)."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def expire(signum, frame):
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def hostile_entry(corpus, case, monkeypatch):
    directory = corpus / "hostile"
    directory.mkdir()
    try:
        case.make(directory)
        if case.after_discovery:
            real_lint = linter.lint

            def lint_after_discovery(paths, settings=None, discovery=None):
                case.after_discovery(directory)
                return real_lint(paths, settings, discovery)

            monkeypatch.setattr(linter, "lint", lint_after_discovery)
        yield directory
    finally:
        monkeypatch.undo()
        for path, dirs, _files in os.walk(directory):
            for name in dirs:
                full = os.path.join(path, name)
                if not os.path.islink(full):
                    os.chmod(full, stat.S_IRWXU)
        shutil.rmtree(directory)


def needs(what: str) -> None:
    if what == "fifo" and not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    if what == "socket" and not hasattr(__import__("socket"), "AF_UNIX"):
        pytest.skip("no UNIX sockets on this platform")
    if what == "symlink" and sys.platform == "win32":
        pytest.skip("symbolic links need privileges on Windows")
    if what == "non-root" and (not hasattr(os, "geteuid") or os.geteuid() == 0):
        pytest.skip("permissions do not stop root")


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_case(case, corpus, baseline, monkeypatch, tmp_path):
    if case.needs:
        needs(case.needs)
    with hostile_entry(corpus, case, monkeypatch), deadline(60):
        started = time.perf_counter()
        code, report = run(corpus, ["."], tmp_path / "all.json")
        elapsed = time.perf_counter() - started
    assert elapsed < SECONDS, f"took {elapsed:.1f} s"
    assert code == 1
    assert findings(report, "good/") == baseline  # nothing else changes
    assert not [f for f in report["findings"] if f["rule"] == "TDL999"]

    found = findings(report, "hostile/")
    skipped = {(s["path"], s["reason"]) for s in report["skipped"] if s["path"].startswith("hostile/")}
    if case.same_as is not None:
        name, text = case.same_as
        plain = type(case)("plain", "", write(name, text))
        with hostile_entry(corpus, plain, monkeypatch):
            _, reference = run(corpus, ["hostile"], tmp_path / "plain.json")
        expected = {(path, rule, line, column) for path, rule, line, column, _ in findings(reference, "hostile/")}
        assert expected, "the plain text of a same_as case must give findings"
        assert {(path, rule, line, column) for path, rule, line, column, _ in found} == expected
    else:
        assert {(path, rule, line, column) for path, rule, line, column, _ in found} == {
            (path, rule, line, column) for path, rule, line, column, _ in case.findings}
        for path, rule, line, column, words in case.findings:
            message = next(m for p, r, ln, c, m in found if (p, r, ln, c) == (path, rule, line, column))
            assert words in message
            assert rule != "TDL000" or message[0].isupper(), message
    assert {path for path, _ in skipped} == {path for path, _ in case.skipped}
    for path, words in case.skipped:
        assert any(p == path and words in reason for p, reason in skipped), (path, skipped)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_case_alone(case, corpus, monkeypatch, tmp_path):
    """Linted alone, the hostile entry costs bounded memory, and the exit code is 1 with findings, 0 without."""
    if case.needs:
        needs(case.needs)
    with hostile_entry(corpus, case, monkeypatch), deadline(60):
        tracemalloc.start()  # every Python allocation, C extensions' included (it slows the run: no timing here)
        try:
            code, report = run(corpus, ["hostile"], tmp_path / "alone.json")
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert peak < case.max_mib * MIB, f"peak {peak / MIB:.0f} MiB"
    assert code == (1 if report["findings"] else 0)
    assert code == (1 if case.findings or case.same_as else 0)
