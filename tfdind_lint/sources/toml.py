"""Bottlerocket TOML user data to the positioned tree.

Python's ``tomllib`` decides what is valid TOML and what the values are, but it
keeps no positions; a small line scanner finds where each table header, key and
value is, and the two are joined into ``Node``s (tables are mappings, a key's
``Node.key`` is the key as written).  A syntax error is a ``SourceError`` at
the line and column ``tomllib`` names.

Only Bottlerocket user data is read: a file whose text has no ``[settings...]``
table (``pyproject.toml``, ``Cargo.toml``) is skipped without a word.  In text
taken from a Terraform template each unknown piece is ``sources.UNKNOWN``; a
string value holding one becomes an ``Unknown``.
"""

from __future__ import annotations

import datetime
import sys

from ..lazy_re import MULTILINE, LazyPattern
from ..node import Node, Span, Unknown
from ..record import MutableValue
from . import UNKNOWN, Comment, SourceError
from .text import LineIndex, decode

_SETTINGS = LazyPattern(r"^[ \t]*\[\[?[ \t]*[\"']?settings[\"']?[ \t]*[.\]]", MULTILINE)
_ERROR_AT = LazyPattern(r"\s*\(at line (\d+), column (\d+)\)$")
_BARE = LazyPattern(r"[A-Za-z0-9_-]+")
_LEXEME = LazyPattern(r"\"\"\"|'''|[\"'#\[\]{}]")
#: Deepest nesting of arrays and inline tables read (Bottlerocket settings nest a few levels).
MAX_DEPTH = 100


class TomlFile(MutableValue):
    __slots__ = _fields = ("path", "root", "comments", "text")

    path: str
    root: Node  # a mapping Node: tables and keys, each with its position
    comments: list[Comment]
    text: str

    def __init__(self, path: str, root: Node, comments: list[Comment], text: str):
        self.path = path
        self.root = root
        self.comments = comments
        self.text = text


def looks_like_user_data(text: str) -> bool:
    """Bottlerocket user data: TOML with a ``[settings...]`` table."""
    return bool(_SETTINGS.search(text))


def parse_file(path: str, data: bytes) -> TomlFile | None:
    """Read a TOML file; None when it is not Bottlerocket user data (skipped silently)."""
    text = decode(data, path)
    if not looks_like_user_data(text):
        return None
    return parse_text(path, text)


def parse_text(path: str, text: str, line_offset: int = 0, column_offset: int = 0) -> TomlFile:
    """Parse TOML text that starts at ``line_offset + 1`` (and ``column_offset + 1`` on every line) of ``path``."""
    deep = _too_deep(text)
    if deep is not None:  # tomllib and the scanner below recurse per level
        line, column = LineIndex(text).position(deep)
        line, column = line + line_offset, column + column_offset
        raise SourceError(f"Nested too deeply to analyse (more than {MAX_DEPTH} levels of arrays and inline tables); "
                          "flatten it", Span(path, line, column, line, column + 1))
    tomllib = toml_library()
    try:
        value = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        at = _ERROR_AT.search(message)
        line, column = (int(at.group(1)), int(at.group(2))) if at else (text.count("\n") + 1, 1)
        problem = _ERROR_AT.sub("", message).replace(" (at end of document)", "")
        problem = problem[:1].lower() + problem[1:]
        line, column = line + line_offset, column + column_offset
        raise SourceError(f"Invalid TOML: {problem}", Span(path, line, column, line, column + 1)) from None
    scanner = _Scanner(path, text, line_offset, column_offset)
    scanner.run()
    lines = text.split("\n")
    whole = Span(path, 1 + line_offset, 1 + column_offset, len(lines) + line_offset, len(lines[-1]) + 1 + column_offset)
    root = _build(value, (), scanner, whole)
    return TomlFile(path, root, sorted(scanner.comments.values(), key=lambda c: (c.span.line, c.span.column)), text)


def _build(value, path: tuple, scanner: _Scanner, default: Span) -> Node:
    key, span = scanner.keys.get(path, (None, None))
    span = scanner.tables.get(path) or span or key or default
    name = path[-1] if path and isinstance(path[-1], str) else None
    if isinstance(value, dict):
        return Node({k: _build(v, path + (k,), scanner, span) for k, v in value.items()}, span, key, name)
    if isinstance(value, list):
        return Node([_build(v, path + (i,), scanner, span) for i, v in enumerate(value)], span, key, name)
    if isinstance(value, (datetime.date, datetime.time)):
        value = value.isoformat()
    if isinstance(value, str) and UNKNOWN in value:
        value = Unknown(value.replace(UNKNOWN, "${...}"))
    return Node(value, span, key, name)


class _Scanner(MutableValue):
    """Where things are in valid TOML: table headers, keys, values (by key path) and comments."""

    _fields = ("path", "text", "line_offset", "column_offset", "keys", "tables", "comments", "arrays")

    path: str
    text: str
    line_offset: int
    column_offset: int
    keys: dict  # key path -> (key span, value span)
    tables: dict  # table path -> header span
    comments: dict  # (line, column) -> Comment
    arrays: dict  # array-of-tables path -> index of its last element

    def __init__(self, path: str, text: str, line_offset: int, column_offset: int, keys: dict | None = None,
                 tables: dict | None = None, comments: dict | None = None, arrays: dict | None = None):
        self.path = path
        self.text = text
        self.line_offset = line_offset
        self.column_offset = column_offset
        self.keys = {} if keys is None else keys
        self.tables = {} if tables is None else tables
        self.comments = {} if comments is None else comments
        self.arrays = {} if arrays is None else arrays
        self.__post_init__()

    def __post_init__(self):
        self.lines = self.text.split("\n")

    def span(self, line: int, column: int, end_line: int, end_column: int) -> Span:
        return Span(self.path, line + 1 + self.line_offset, column + 1 + self.column_offset,
                    end_line + 1 + self.line_offset, end_column + 1 + self.column_offset)

    def run(self) -> None:
        table: tuple = ()
        i = 0
        while i < len(self.lines):
            line = self.lines[i]
            j = _blank(line, 0)
            if j >= len(line) or line[j] == "#":
                self._comment(i, j)
                i += 1
                continue
            if line[j] == "[":
                table = self._header(i, j)
                i += 1
                continue
            end_line, end_col = self._pair(i, j, table)
            self._comment(end_line, _blank(self.lines[end_line], end_col))
            i = end_line + 1

    def _header(self, i: int, j: int) -> tuple:
        line = self.lines[i]
        array = line.startswith("[[", j)
        names, k = self._key(i, _blank(line, j + (2 if array else 1)))
        k = _blank(line, k) + (2 if array else 1)
        path = self._resolve(tuple(names))
        if array:
            index = self.arrays.get(path, -1) + 1
            self.arrays[path] = index
            path = path + (index,)
        span = self.span(i, j, i, k)
        for n in range(1, len(path) + 1):  # a header also declares its implicit parent tables
            self.tables.setdefault(path[:n], span)
        self.tables[path] = span
        self._comment(i, _blank(line, k))
        return path

    def _resolve(self, path: tuple) -> tuple:
        """A header path through arrays of tables: ``[a.b]`` after ``[[a]]`` is in the last ``a``."""
        out: tuple = ()
        for name in path:
            out = out + (name,)
            if out in self.arrays and out != path:
                out = out + (self.arrays[out],)
        return out

    def _pair(self, i: int, j: int, table: tuple) -> tuple[int, int]:
        """Record ``key = value`` at (i, j); return where the value ends."""
        start = j
        segments, k = self._key(i, j)
        names = tuple(segments)
        eq = _blank(self.lines[i], k)
        v = _blank(self.lines[i], eq + 1)
        end_line, end_col = self._value(i, v, table + names)
        key_span = self.span(i, start, i, k)
        for n in range(1, len(names)):
            self.keys.setdefault(table + names[:n], (key_span, key_span))
        self.keys[table + names] = (key_span, self.span(i, v, end_line, end_col))
        return end_line, end_col

    def _key(self, i: int, j: int) -> tuple[list[str], int]:
        """A dotted key at (i, j): its names and the column after it."""
        line = self.lines[i]
        names: list[str] = []
        while True:
            j = _blank(line, j)
            if line[j] in "\"'":
                end = _string_end(line, j)
                names.append(_decode(line[j:end]))
                j = end
            else:
                m = _BARE.match(line, j)
                names.append(m.group(0))
                j = m.end()
            after = _blank(line, j)
            if after < len(line) and line[after] == ".":
                j = after + 1
                continue
            return names, j

    def _value(self, i: int, j: int, path: tuple) -> tuple[int, int]:
        """The end (line, column exclusive) of the value starting at (i, j); inline tables record their keys."""
        line = self.lines[i]
        for quote in ('"""', "'''"):
            if line.startswith(quote, j):
                return self._multiline_end(i, j + 3, quote)
        c = line[j]
        if c in "\"'":
            return i, _string_end(line, j)
        if c == "[":
            return self._array_end(i, j + 1, path)
        if c == "{":
            return self._inline_table(i, j + 1, path)
        end = j
        while end < len(line) and line[end] not in ",]}#":
            end += 1
        return i, len(line[:end].rstrip())

    def _multiline_end(self, i: int, j: int, quote: str) -> tuple[int, int]:
        while i < len(self.lines):
            line = self.lines[i]
            while j < len(line):
                if quote == '"""' and line[j] == "\\":
                    j += 2
                    continue
                if line.startswith(quote, j):
                    end = j + 3
                    while end < len(line) and line[end] == quote[0]:  # up to two quotes may end the string
                        end += 1
                    return i, end
                j += 1
            i, j = i + 1, 0
        return len(self.lines) - 1, len(self.lines[-1])

    def _skip(self, i: int, j: int) -> tuple[int, int]:
        """Past blanks, newlines and comments (inside arrays and inline tables)."""
        while i < len(self.lines):
            line = self.lines[i]
            j = _blank(line, j)
            if j < len(line) and line[j] != "#":
                return i, j
            self._comment(i, j)
            i, j = i + 1, 0
        return i, j

    def _array_end(self, i: int, j: int, path: tuple) -> tuple[int, int]:
        index = 0
        while True:
            i, j = self._skip(i, j)
            c = self.lines[i][j]
            if c == "]":
                return i, j + 1
            if c == ",":
                j += 1
                continue
            i, j = self._value(i, j, path + (index,))
            index += 1

    def _inline_table(self, i: int, j: int, path: tuple) -> tuple[int, int]:
        while True:
            i, j = self._skip(i, j)
            c = self.lines[i][j]
            if c == "}":
                return i, j + 1
            if c == ",":
                j += 1
                continue
            i, j = self._pair(i, j, path)

    def _comment(self, i: int, j: int) -> None:
        line = self.lines[i]
        if j < len(line) and line[j] == "#":
            span = self.span(i, j, i, len(line))
            self.comments[(i, j)] = Comment(line[j + 1:], span)


def _too_deep(text: str) -> int | None:
    """Offset of the first bracket nested deeper than ``MAX_DEPTH`` (strings and comments skipped), or None."""
    depth = 0
    pos = 0
    n = len(text)
    while True:
        m = _LEXEME.search(text, pos)
        if m is None:
            return None
        token, start = m.group(0), m.start()
        if len(token) == 3:  # a multi-line string
            end = text.find(token, start + 3)
            pos = n if end < 0 else end + 3
        elif token in "\"'":
            line_end = text.find("\n", start)
            line_end = n if line_end < 0 else line_end
            pos = start + _string_end(text[start:line_end], 0)
        elif token == "#":
            line_end = text.find("\n", start)
            pos = n if line_end < 0 else line_end
        else:
            depth += 1 if token in "[{" else -1
            if depth > MAX_DEPTH:
                return start
            pos = start + 1


def _blank(line: str, j: int) -> int:
    while j < len(line) and line[j] in " \t":
        j += 1
    return j


def _string_end(line: str, j: int) -> int:
    """The column after a one-line string starting at ``line[j]`` (a quote)."""
    quote = line[j]
    k = j + 1
    while k < len(line):
        if quote == '"' and line[k] == "\\":
            k += 2
            continue
        if line[k] == quote:
            return k + 1
        k += 1
    return len(line)


def _decode(quoted: str) -> str:
    """A quoted key as TOML reads it (escapes included)."""
    if quoted.startswith("'"):
        return quoted[1:-1]
    return toml_library().loads(f"k = {quoted}")["k"]


def toml_library():
    """``tomllib`` (Python 3.11+) or its backport ``tomli``; imported only when TOML is read.

    Chosen by version, not by trying: a failed ``import tomllib`` on 3.10 would be tried again at every file."""
    if sys.version_info >= (3, 11):
        import tomllib  # noqa: PLC0415
    else:
        import tomli as tomllib  # noqa: PLC0415
    return tomllib
