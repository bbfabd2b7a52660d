"""What the hostile tests share: the good corpus, running the CLI in-process, a deadline."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import stat
import sys

import pytest

from conftest import ROOT
from tfdind_lint import cli, linter

#: The good corpus: findings of several rules, Terraform and YAML, a rule that reads two files.
CORPUS = {
    "good/docker": "tests/policies/TDL412/docker",
    "good/k8s": "tests/policies/TDL101/k8s_bad",
    "good/yaml": "tests/policies/TDL401/yaml",
    "good/seed": "tests/seed/ex12",
}


def make_corpus(root) -> None:
    for destination, source in CORPUS.items():
        shutil.copytree(ROOT / source, root / destination)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile") / "corpus"
    make_corpus(root)
    return root


@pytest.fixture(scope="module")
def baseline(corpus, tmp_path_factory):
    """The corpus's findings (path, rule, line, column, message) without any hostile file."""
    code, report = run(corpus, ["."], tmp_path_factory.mktemp("out") / "baseline.json")
    assert code == 1 and findings(report, "good/")
    return findings(report, "good/")


def run(root, paths, output, *options) -> tuple[int, dict]:
    """The CLI in-process, in ``root``: (exit code, the JSON report)."""
    here = os.getcwd()
    os.chdir(root)
    try:
        code = cli.main([*paths, *options, "--format", "json", "--output", str(output)])
    finally:
        os.chdir(here)
    return code, json.loads(output.read_text(encoding="utf-8"))


def findings(report, under: str) -> set:
    return {(f["path"], f["rule"], f["line"], f["column"], f["message"]) for f in report["findings"] if f["path"].startswith(under)}


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


def make_case(case, directory, monkeypatch) -> None:
    """Create a case's entry in ``directory`` (and arrange its change between discovery and reading)."""
    if case.needs:
        needs(case.needs)
    case.make(directory)
    if case.after_discovery:
        real_lint = linter.lint

        def lint_after_discovery(paths, settings=None, discovery=None, **options):
            case.after_discovery(directory)
            return real_lint(paths, settings, discovery, **options)

        monkeypatch.setattr(linter, "lint", lint_after_discovery)


def remove(directory) -> None:
    for path, dirs, _files in os.walk(directory):
        for name in dirs:
            full = os.path.join(path, name)
            if not os.path.islink(full):
                os.chmod(full, stat.S_IRWXU)
    shutil.rmtree(directory)


@contextlib.contextmanager
def hostile_entry(corpus, case, monkeypatch):
    """The case's entry in ``corpus/hostile/``, removed afterwards."""
    directory = corpus / "hostile"
    directory.mkdir()
    try:
        make_case(case, directory, monkeypatch)
        yield directory
    finally:
        monkeypatch.undo()
        remove(directory)


def _permissions_apply() -> bool:
    """Whether a file without read permission really cannot be read (not so for root, or on Windows)."""
    import tempfile

    with tempfile.TemporaryDirectory() as directory:
        probe = os.path.join(directory, "probe")
        with open(probe, "w", encoding="utf-8") as handle:
            handle.write("x")
        os.chmod(probe, 0)
        try:
            with open(probe, encoding="utf-8"):
                return False
        except PermissionError:
            return True
        finally:
            os.chmod(probe, stat.S_IRWXU)


def needs(what: str) -> None:
    if what == "fifo" and not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    if what == "socket" and not hasattr(__import__("socket"), "AF_UNIX"):
        pytest.skip("no UNIX sockets on this platform")
    if what == "symlink" and sys.platform == "win32":
        pytest.skip("symbolic links need privileges on Windows")
    if what == "permissions" and not _permissions_apply():
        pytest.skip("file permissions do not stop this user (root)")
    if what == "bytes-names" and sys.platform != "linux":
        pytest.skip("only Linux file systems take names that are not UTF-8")


#: Cases left out of the whole-tree runs (security, determinism): large or slow inputs, and those that
#: change the tree while it is linted.  Their own tests cover them.
HEAVY = {"tf-10mb", "yaml-10mb", "tf-heredoc-50000-lines", "tf-long-line", "tf-deep-operators", "yaml-deep-sequences",
         "yaml-deep-mappings", "yaml-many-documents"}


def make_tree(root) -> list[str]:
    """The good corpus and every light hostile case (each in ``root/<case id>/``); the ids of the cases made."""
    from cases import CASES

    make_corpus(root)
    made = []
    for case in CASES:
        if case.id in HEAVY or case.after_discovery:
            continue
        try:
            if case.needs:
                needs(case.needs)
        except pytest.skip.Exception:
            continue
        directory = root / case.id
        directory.mkdir()
        case.make(directory)
        made.append(case.id)
    return made
