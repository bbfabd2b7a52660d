"""quick_import.load: a module run from its bytecode when that bytecode is current, else imported as usual."""

from __future__ import annotations

import importlib.util
import os
import py_compile
import subprocess
import sys

import pytest

from conftest import ROOT
from tfdind_lint import quick_import, rules


@pytest.fixture
def package(tmp_path, monkeypatch):
    """A package ``qipkg`` on the path with a helper module; yields a function writing ``qipkg.<name>``."""
    root = tmp_path / "qipkg"
    root.mkdir()
    (root / "__init__.py").write_text("")
    (root / "helper.py").write_text("VALUE = 'helper'\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield root
    for name in [name for name in sys.modules if name == "qipkg" or name.startswith("qipkg.")]:
        del sys.modules[name]


def write(root, name: str, text: str, *, compiled: bool = True, mode=py_compile.PycInvalidationMode.TIMESTAMP) -> str:
    source = str(root / f"{name}.py")
    with open(source, "w") as f:
        f.write(text)
    os.utime(source, (1_700_000_000, 1_700_000_000))
    if compiled:
        py_compile.compile(source, cfile=importlib.util.cache_from_source(source), doraise=True, invalidation_mode=mode)
    return source


def rewrite_keeping_header(source: str, text: str) -> None:
    """New text of the same size and mtime: the bytecode still looks current, so only the bytecode can say X."""
    stat = os.stat(source)
    with open(source, "w") as f:
        f.write(text)
    assert os.stat(source).st_size == stat.st_size
    os.utime(source, (stat.st_atime, stat.st_mtime))


def test_current_bytecode_is_run_without_the_import_system(package):
    source = write(package, "rule", "from .helper import VALUE\nX = 1\n")
    rewrite_keeping_header(source, "from .helper import VALUE\nX = 2\n")
    module = quick_import.load("qipkg.rule")
    assert module.X == 1  # the bytecode ran, not the source
    assert module.VALUE == "helper"  # relative imports resolve against the package
    assert sys.modules["qipkg.rule"] is module and sys.modules["qipkg"].rule is module
    assert module.__name__ == "qipkg.rule" and module.__package__ == "qipkg" and module.__file__ == source
    assert module.__cached__ == module.__spec__.cached == importlib.util.cache_from_source(source)
    assert module.__spec__.name == "qipkg.rule" and module.__spec__.origin == source and module.__spec__.parent == "qipkg"
    assert module.__loader__ is module.__spec__.loader
    assert module.__loader__.get_source("qipkg.rule") == "from .helper import VALUE\nX = 2\n"
    assert quick_import.load("qipkg.rule") is module  # once


@pytest.mark.parametrize("change", ["size", "mtime"])
def test_stale_bytecode_is_left_to_the_import_system(package, change):
    source = write(package, "rule", "X = 1\n")
    with open(source, "w") as f:
        f.write("X = 22\n" if change == "size" else "X = 2\n")
    if change == "size":
        os.utime(source, (1_700_000_000, 1_700_000_000))
    assert (22 if change == "size" else 2) == quick_import.load("qipkg.rule").X


def test_missing_and_hash_based_bytecode_are_left_to_the_import_system(package):
    write(package, "fresh", "X = 1\n", compiled=False)
    assert quick_import.load("qipkg.fresh").X == 1
    source = write(package, "hashed", "X = 1\n", mode=py_compile.PycInvalidationMode.CHECKED_HASH)
    rewrite_keeping_header(source, "X = 2\n")
    assert quick_import.load("qipkg.hashed").X == 2  # the import system checked the hash and recompiled


def test_a_corrupt_bytecode_file_is_left_to_the_import_system(package):
    """Which fails as it does for an import (CPython does not recompile a current .pyc it cannot read)."""
    source = write(package, "rule", "X = 1\n")
    cached = importlib.util.cache_from_source(source)
    with open(cached, "r+b") as f:
        f.seek(16)
        f.write(b"\xff\xff\xff")
    with pytest.raises(ValueError, match="bad marshal data"):
        quick_import.load("qipkg.rule")
    with pytest.raises(ValueError, match="bad marshal data"):
        __import__("qipkg.rule")


def test_a_failing_module_is_not_left_half_imported(package):
    write(package, "broken", "X = 1\nraise RuntimeError('at import')\n")
    with pytest.raises(RuntimeError, match="at import"):
        quick_import.load("qipkg.broken")
    assert "qipkg.broken" not in sys.modules and not hasattr(sys.modules["qipkg"], "broken")


def test_tracebacks_name_the_source_file(package):
    source = write(package, "failing", "def f():\n    raise ValueError('x')\n")
    module = quick_import.load("qipkg.failing")
    assert module.f.__code__.co_filename == source


def test_the_parent_package_is_imported_first(package):
    sub = package / "sub"
    sub.mkdir()
    (sub / "__init__.py").write_text("")
    write(sub, "leaf", "X = 3\n")
    assert "qipkg.sub" not in sys.modules
    assert quick_import.load("qipkg.sub.leaf").X == 3


def test_a_package_with_current_bytecode_is_loaded_the_same_way(package):
    sub = package / "sub"
    sub.mkdir()
    source = write(sub, "__init__", "from .leaf import X\nINIT = 1\n")
    rewrite_keeping_header(source, "from .leaf import X\nINIT = 2\n")
    write(sub, "leaf", "X = 3\n")
    module = quick_import.load("qipkg.sub")
    assert module.INIT == 1 and module.X == 3  # the bytecode ran; its relative import found the package's module
    assert isinstance(module.__spec__.loader, quick_import._Loader) and module.__loader__ is module.__spec__.loader
    assert module.__path__ == module.__spec__.submodule_search_locations == [str(sub)]
    assert module.__package__ == module.__spec__.parent == "qipkg.sub" and module.__file__ == source
    assert sys.modules["qipkg"].sub is module
    assert quick_import.load("qipkg.sub.leaf") is sys.modules["qipkg.sub.leaf"] and module.leaf.X == 3


def test_a_reload_reads_the_source_again(package):
    source = write(package, "rule", "X = 1\n")
    rewrite_keeping_header(source, "X = 2\n")
    module = quick_import.load("qipkg.rule")
    assert module.X == 1
    with open(source, "w") as f:
        f.write("X = 333\n")
    assert importlib.reload(module).X == 333


@pytest.fixture
def finder(monkeypatch):
    finder = quick_import.Finder("qipkg.")
    monkeypatch.setattr(sys, "meta_path", [finder, *sys.meta_path])
    return finder


def test_the_finder_serves_import_statements_from_current_bytecode(package, finder):
    source = write(package, "rule", "from .helper import VALUE\nX = 1\n")
    rewrite_keeping_header(source, "from .helper import VALUE\nX = 2\n")
    import qipkg.rule

    assert qipkg.rule.X == 1 and qipkg.rule.VALUE == "helper"
    assert isinstance(qipkg.rule.__spec__.loader, quick_import._Loader)
    assert not isinstance(sys.modules["qipkg.helper"].__spec__.loader, quick_import._Loader)  # no bytecode yet
    assert not isinstance(sys.modules["qipkg"].__spec__.loader, quick_import._Loader)  # top level: not the finder's


def test_the_finder_serves_subpackages(package, finder):
    sub = package / "sub"
    sub.mkdir()
    write(sub, "__init__", "from .leaf import X\nINIT = 1\n")
    write(sub, "leaf", "X = 3\n")
    import qipkg.sub

    assert qipkg.sub.INIT == 1 and qipkg.sub.X == 3 and qipkg.sub.__path__ == [str(sub)]
    assert qipkg.sub.__spec__.submodule_search_locations == [str(sub)] and qipkg.sub.__spec__.parent == "qipkg.sub"
    assert isinstance(qipkg.sub.__spec__.loader, quick_import._Loader) and qipkg.sub.__spec__.loader.is_package("qipkg.sub")
    assert isinstance(sys.modules["qipkg.sub.leaf"].__spec__.loader, quick_import._Loader)


def test_the_finder_leaves_stale_bytecode_and_other_packages_alone(package, finder):
    source = write(package, "rule", "X = 1\n")
    with open(source, "w") as f:
        f.write("X = 22\n")
    import qipkg.rule

    assert qipkg.rule.X == 22 and not isinstance(qipkg.rule.__spec__.loader, quick_import._Loader)
    assert finder.find_spec("json", None) is None and finder.find_spec("qipkgx.y", [str(package)]) is None


def test_install_puts_one_finder_first(monkeypatch):
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))
    quick_import.install()
    quick_import.install()
    assert sys.meta_path[0] == quick_import.Finder("tfdind_lint.")
    assert sys.meta_path.count(quick_import.Finder("tfdind_lint.")) == 1


def test_a_command_line_run_imports_its_modules_through_the_finder(tmp_path):
    """Every module and package of ours that a run imports (but those the console script imported first) comes from
    its current bytecode."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPATH=str(ROOT), PYTHONPYCACHEPREFIX=str(tmp_path / "pyc"), NO_COLOR="1")
    code = ("import os, sys\nfrom tfdind_lint import cli\nexit_now = os._exit\nbefore = set(sys.modules)\n"
            "def report(code):\n"
            "    ours = [m for n, m in sys.modules.items()\n"
            "            if n.startswith('tfdind_lint.') and n not in before]\n"
            "    sys.stderr.write('\\nLOADERS ' + ' '.join(sorted({type(m.__spec__.loader).__name__ for m in ours})))\n"
            "    exit_now(code)\n"
            "os._exit = report\ncli.run()\n")
    command = [sys.executable, "-c", code, "--no-cache", "examples/dind-docker/bad/main.tf"]
    first = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)  # writes the bytecode
    second = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert first.returncode == second.returncode == 1
    assert "SourceFileLoader" in first.stderr.rsplit("LOADERS ", 1)[1].split()
    assert second.stderr.rsplit("LOADERS ", 1)[1].split() == ["_Loader"]


def test_rule_modules_are_loaded_this_way():
    module = rules.rule_module("TDL401")
    assert module is sys.modules["tfdind_lint.rules.dind.tdl401_privileged_sidecar_unacknowledged"]
    assert callable(module.check) and module.__package__ == "tfdind_lint.rules.dind"
