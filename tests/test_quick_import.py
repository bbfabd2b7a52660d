"""quick_import.load: a module run from its bytecode when that bytecode is current, else imported as usual."""

from __future__ import annotations

import importlib.util
import os
import py_compile
import sys

import pytest

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
    assert module.__cached__ == importlib.util.cache_from_source(source)
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


def test_rule_modules_are_loaded_this_way():
    module = rules.rule_module("TDL401")
    assert module is sys.modules["tfdind_lint.rules.dind.tdl401_privileged_sidecar_unacknowledged"]
    assert callable(module.check) and module.__package__ == "tfdind_lint.rules.dind"
