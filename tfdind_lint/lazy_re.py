"""Regular expressions compiled on their first use, without importing ``re`` when their code is precompiled.

Most patterns a module defines serve input a given run does not have (suppression comments, heredocs, file
modes, a report file to overwrite); compiling each at import costs a one-file run 0.1-0.7 ms apiece
(docs/benchmarks.md, "Start-up").  ``LazyPattern`` stands where ``re.compile`` stood.

Importing ``re`` (with ``enum``, ``functools`` and ``collections``) and running its pure-Python compiler cost
more than the rest of a one-file run's start.  ``re.compile`` ends in ``_sre.compile(pattern, flags, code, ...)``
with code its compiler computed: ``tfdind_lint/pattern_code/cpXY.py`` holds those arguments for every pattern
of the package, computed by the interpreter version XY (``write_table``), and a pattern found there is compiled
by ``_sre`` alone.  The code is kept as bytes (little-endian words of ``CODESIZE`` bytes): a tuple of integers
would make the table's bytecode create an object per word for every pattern, a run using a tenth of them.  Any
other pattern, interpreter, byte order or regular-expression engine (``_sre.MAGIC``) goes through ``re.compile``:
slower, never different.
"""

from __future__ import annotations

import _sre
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re

# The flags of ``re`` as plain integers (``re.M`` and the others are members of an enum: reading them imports re).
I = IGNORECASE = 2
M = MULTILINE = 8
S = DOTALL = 16
X = VERBOSE = 64
A = ASCII = 256

#: What the first use binds on the instance, so that later uses are plain attribute reads.
_BOUND = ("match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split", "groupindex", "groups",
          "pattern", "flags")

#: Every (pattern, flags) a LazyPattern was made with: what write_table() precompiles.
REGISTERED: list[tuple[str | bytes, int]] = []

_TABLE: list[dict] = []  # the running interpreter's precompiled patterns, read on the first compile


def table_module() -> str:
    """The name of the module that holds the running interpreter's precompiled patterns."""
    return f"tfdind_lint.pattern_code.cp{sys.version_info[0]}{sys.version_info[1]}"


def _read_table() -> dict:
    """The precompiled patterns if they were made by this interpreter version for this engine, else nothing."""
    if sys.implementation.name != "cpython":
        return {}
    try:
        module = __import__(table_module(), fromlist=["PATTERNS"])
    except ImportError:
        return {}
    made_for = (module.MAGIC, module.CODESIZE, module.BYTEORDER)
    if made_for != (_sre.MAGIC, _sre.CODESIZE, sys.byteorder) or _sre.CODESIZE != _WORD_SIZE:
        return {}
    return module.PATTERNS


_WORD = "I"  # memoryview's format of a code word: an unsigned int, 4 bytes wherever CPython runs
_WORD_SIZE = 4


def compile(pattern: str | bytes, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``: from the precompiled table when it holds the pattern, else by ``re``."""
    if not _TABLE:
        _TABLE.append(_read_table())
    entry = _TABLE[0].get((pattern, flags))
    if entry is None:
        import re  # noqa: PLC0415

        return re.compile(pattern, flags)
    final_flags, code, groups, groupindex, indexgroup = entry
    return _sre.compile(pattern, final_flags, memoryview(code).cast(_WORD).tolist(), groups, dict(groupindex),
                        indexgroup)


class LazyPattern:
    """``re.compile(pattern, flags)``, done when one of its methods or attributes is first asked for."""

    def __init__(self, pattern: str | bytes, flags: int = 0):
        self._source = (pattern, int(flags))
        REGISTERED.append(self._source)

    def __getattr__(self, name: str):  # only for what is not bound yet: the first use
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = compile(*self._source)
        for bound in _BOUND:
            if bound not in type(self).__dict__:  # a subclass's own method stays
                setattr(self, bound, getattr(compiled, bound))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"LazyPattern({self._source[0]!r})"


class GuardedPattern(LazyPattern):
    """A ``LazyPattern`` every match of which holds one of the literal strings ``needs``.

    Text that holds none of them cannot match, so it is answered without compiling: the scripts of most
    templates never name systemd or podman, and a pattern is compiled only for text that could match.
    """

    def __init__(self, pattern: str | bytes, needs: tuple, flags: int = 0):
        super().__init__(pattern, flags)
        self.needs = needs
        self._compiled = None

    def _pattern(self) -> re.Pattern:
        if self._compiled is None:
            self._compiled = compile(*self._source)
        return self._compiled

    def _could_match(self, string) -> bool:
        return any(literal in string for literal in self.needs)

    def search(self, string, *args):
        return self._pattern().search(string, *args) if self._could_match(string) else None

    def match(self, string, *args):
        return self._pattern().match(string, *args) if self._could_match(string) else None

    def fullmatch(self, string, *args):
        return self._pattern().fullmatch(string, *args) if self._could_match(string) else None

    def findall(self, string, *args):
        return self._pattern().findall(string, *args) if self._could_match(string) else []

    def finditer(self, string, *args):
        return self._pattern().finditer(string, *args) if self._could_match(string) else iter(())


# --- the precompiled table: written by the maintainers, once per interpreter version --------------------------


def precompiled(pattern: str | bytes, flags: int) -> tuple:
    """What ``re.compile(pattern, flags)`` hands ``_sre.compile`` after ``pattern``: (final flags, code, groups,
    group index, index group), caught from the running interpreter's own compiler."""
    import re  # noqa: PLC0415

    compiler = sys.modules["re._compiler" if sys.version_info >= (3, 11) else "sre_compile"]
    caught = []

    class Catch:  # the compiler's view of _sre, with compile() recording its arguments
        def __getattr__(self, name):
            return getattr(_sre, name)

        def compile(self, *args):
            caught.append(args[1:])
            return _sre.compile(*args)

    re.purge()  # a pattern in re's cache would be answered without compiling
    compiler._sre = Catch()
    try:
        re.compile(pattern, flags)
    finally:
        compiler._sre = _sre
    final_flags, code, groups, groupindex, indexgroup = caught[0]
    return int(final_flags), tuple(int(c) for c in code), int(groups), dict(groupindex), tuple(indexgroup)


def import_package() -> None:
    """Import every module of the package, so that every pattern it defines is made (and registered)."""
    import pkgutil  # noqa: PLC0415

    import tfdind_lint  # noqa: PLC0415

    for info in pkgutil.walk_packages(tfdind_lint.__path__, "tfdind_lint."):
        if info.name.startswith("tfdind_lint.pattern_code"):
            continue
        try:
            __import__(info.name)
        except ImportError:
            if not info.name.startswith("tfdind_lint.server"):  # the server needs the lsp extra
                raise


def table_source() -> str:
    """The Python source of the running interpreter's table: every registered pattern of every module."""
    import_package()
    version = f"{sys.version_info[0]}.{sys.version_info[1]}"
    lines = [f'"""The code of every pattern of the package as compiled by CPython {version} (tfdind_lint/lazy_re.py).',
             "",
             "Generated: python -c 'from tfdind_lint.lazy_re import write_table; write_table()'",
             '"""', "", f"MAGIC = {_sre.MAGIC}", f"CODESIZE = {_sre.CODESIZE}", 'BYTEORDER = "little"', "",
             "PATTERNS = {"]
    for source in sorted(set(REGISTERED), key=repr):
        final_flags, code, groups, groupindex, indexgroup = precompiled(*source)
        words = b"".join(word.to_bytes(_sre.CODESIZE, "little") for word in code)
        lines.append(f"    {source!r}: {(final_flags, words, groups, groupindex, indexgroup)!r},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def write_table() -> str:
    """Write the running interpreter's ``tfdind_lint/pattern_code/cpXY.py`` (tests/test_lazy_re.py says when)."""
    import os  # noqa: PLC0415

    from .writes import write_atomic  # noqa: PLC0415

    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pattern_code",
                        table_module().rsplit(".", 1)[1] + ".py")
    write_atomic(path, table_source())
    return path
