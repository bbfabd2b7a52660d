"""Importing a module of this package straight from its up-to-date bytecode.

The import system's own work (finders, specs, locks, in frozen Python) costs a small module about three times what
reading and running its bytecode does, and a one-file run imports about 70 rule modules (docs/benchmarks.md,
"Start-up").  ``load`` does what a source import does when the cached bytecode is current: it checks the ``.pyc``
header against the source exactly as CPython does for a timestamp-based ``.pyc`` (magic number, flags, mtime, size),
and anything else (no bytecode yet, stale or hash-based bytecode, an unreadable file) is left to ``__import__``,
which also writes the bytecode for next time.
"""

from __future__ import annotations

import _frozen_importlib_external as _external  # the import system's own helpers: always loaded, no import cost
import _imp
import marshal
import os
import sys


def load(name: str):
    """``sys.modules[name]`` after importing ``name`` (a submodule of an imported package) if it is not yet."""
    module = sys.modules.get(name)
    if module is not None:
        return module
    parent_name, _, short = name.rpartition(".")
    if parent_name not in sys.modules:
        __import__(parent_name)  # a package: left to the import system (there are few)
    parent = sys.modules[parent_name]
    source = os.path.join(parent.__path__[0], short + ".py")
    try:
        cached = _external.cache_from_source(source)
    except NotImplementedError:  # an interpreter without a cache tag
        cached = None
    code = None if cached is None else _current_bytecode(source, cached)
    if code is None:
        __import__(name)
        return sys.modules[name]
    module = type(sys)(name)
    module.__file__ = source
    module.__cached__ = cached
    module.__package__ = parent_name
    module.__loader__ = _external.SourceFileLoader(name, source)
    sys.modules[name] = module
    try:
        exec(code, module.__dict__)  # our own module's bytecode, run as an import runs it
    except BaseException:
        sys.modules.pop(name, None)
        raise
    module = sys.modules[name]  # a module may replace itself, as under import
    setattr(parent, short, module)
    return module


def _current_bytecode(source: str, cached: str):
    """The code object of ``source``'s bytecode in ``cached`` if that bytecode is current, else None."""
    try:
        stat = os.stat(source)
        with open(cached, "rb") as f:
            data = f.read()
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
