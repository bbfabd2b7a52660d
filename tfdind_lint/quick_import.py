"""Importing this package's modules straight from their up-to-date bytecode.

The import system's own work (path finders, file loaders, in frozen Python) costs a small module about as much as
reading and running its bytecode, and a one-file run imports about 120 of our modules (docs/benchmarks.md,
"Start-up").  Both ways here check a ``.pyc`` exactly as CPython does for timestamp-based bytecode (magic number,
flags, source mtime and size) and leave everything else (no bytecode yet, stale or hash-based bytecode, an
unreadable file) to the import system, which also writes the bytecode for next time:

- ``Finder``, first on ``sys.meta_path`` while the command line runs (``install``), serves ``import`` statements;
- ``load`` runs a rule module or package (about 40 a run) without going through the import system at all (its
  parent packages loaded first, the same way).
"""

from __future__ import annotations

import _frozen_importlib as _bootstrap  # the import system itself: always loaded, so no import cost
import _frozen_importlib_external as _external
import _imp
import marshal
import os
import sys


def load(name: str):
    """``sys.modules[name]`` after importing ``name`` (a module or a package, its parents first) if it is not
    imported yet."""
    module = sys.modules.get(name)
    if module is not None:
        return module
    parent_name, _, short = name.rpartition(".")
    parent = load(parent_name) if parent_name else None
    spec = _find(name, parent.__path__[0]) if parent is not None and getattr(parent, "__path__", None) else None
    if spec is None:
        __import__(name)
        return sys.modules[name]
    module = type(sys)(name)
    module.__spec__ = spec
    module.__loader__ = spec.loader
    module.__file__ = spec.origin
    module.__cached__ = spec.cached
    if spec.submodule_search_locations is not None:
        module.__path__ = spec.submodule_search_locations
    module.__package__ = spec.parent
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(name, None)
        raise
    module = sys.modules[name]  # a module may replace itself, as under import
    setattr(parent, short, module)
    return module


class Finder:
    """A meta path finder for the modules and packages under ``prefix`` that have current bytecode."""

    def __init__(self, prefix: str):
        self.prefix = prefix

    def find_spec(self, name: str, path=None, target=None):
        if path is None or not name.startswith(self.prefix):
            return None
        return _find(name, path[0])

    def __eq__(self, other) -> bool:
        return type(other) is Finder and other.prefix == self.prefix

    def __hash__(self) -> int:
        return hash(self.prefix)


def install() -> None:
    """Put a ``Finder`` of this package first on ``sys.meta_path`` (once)."""
    finder = Finder(__name__.rpartition(".")[0] + ".")
    if finder not in sys.meta_path:
        sys.meta_path.insert(0, finder)


class _Loader(_external.SourceFileLoader):
    """A source file loader handed the module's current bytecode (read to know it is current)."""

    def __init__(self, name: str, path: str, code):
        super().__init__(name, path)
        self._code = code

    def create_module(self, spec):
        module = type(sys)(spec.name)
        module.__file__ = spec.origin  # set before the import system asks for them (each miss raises an error)
        module.__cached__ = spec.cached
        return module

    def get_code(self, fullname: str):
        code, self._code = self._code, None  # once: a reload reads the file again
        return code if code is not None else super().get_code(fullname)


def _find(name: str, directory: str):
    """The spec of module or package ``name`` in its parent's ``directory`` with its current bytecode, or None."""
    where = os.path.join(directory, name.rpartition(".")[2])
    return _spec(name, where + ".py") or _spec(name, os.path.join(where, "__init__.py"), package=where)


def _spec(name: str, source: str, package: str | None = None):
    """The spec of module ``name`` at ``source`` with its current bytecode, or None; ``package``: the directory of
    the package whose ``__init__.py`` ``source`` is."""
    try:
        cached = _external.cache_from_source(source)
    except NotImplementedError:  # an interpreter without a cache tag
        return None
    code = _current_bytecode(source, cached)
    if code is None:
        return None
    spec = _bootstrap.ModuleSpec(name, _Loader(name, source, code), origin=source, is_package=package is not None)
    if package is not None:
        spec.submodule_search_locations = [package]
    spec.has_location = True
    spec.cached = cached
    return spec


def _current_bytecode(source: str, cached: str):
    """The code object of ``source``'s bytecode in ``cached`` if that bytecode is current, else None."""
    try:
        stat = os.stat(source)
        data = _read(cached)
    except (OSError, ValueError):  # no file, unreadable
        return None
    if (len(data) < 16 or data[:4] != _external.MAGIC_NUMBER or data[4:8] != b"\0\0\0\0"
            or int.from_bytes(data[8:12], "little") != int(stat.st_mtime) & 0xFFFFFFFF
            or int.from_bytes(data[12:16], "little") != stat.st_size & 0xFFFFFFFF):
        return None
    try:
        code = marshal.loads(memoryview(data)[16:])
    except (EOFError, ValueError, TypeError):
        return None
    _imp._fix_co_filename(code, source)  # as the import system does for bytecode compiled elsewhere
    return code


def _read(path: str) -> bytes:
    """A file's bytes through the os module: a file object costs each of the ~100 modules of a run three system
    calls and more work than the read itself."""
    fd = os.open(path, _READ_FLAGS)
    try:
        size = os.fstat(fd).st_size
        data = os.read(fd, size + 1)  # one call for the whole file; more if it changed size since fstat
        if len(data) == size:
            return data
        chunks = [data]
        while chunk := os.read(fd, 1 << 16):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


_READ_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
