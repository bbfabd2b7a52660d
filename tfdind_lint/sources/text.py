"""Source files to text: reading safely, decoding, and text offsets to 1-based lines and columns."""

from __future__ import annotations

import codecs
import errno
import os
import stat
from _bisect import bisect_right  # bisect.py only re-exports its C half
from itertools import accumulate

from ..lazy_re import LazyPattern
from ..node import Span
from . import SourceError

#: Larger files are refused before they are read: this bounds a file's parsing time to seconds
#: (docs/benchmarks.md), and no Coder template or workspace manifest comes near it.
MAX_FILE_BYTES = 1024 * 1024
#: The limit of this run: ``max-file-size`` in the configuration or ``--max-file-size`` (``linter.lint`` sets it,
#: and each worker process; ``read_source`` of the baseline and SARIF writers then reads what the run read).
_limit = MAX_FILE_BYTES
_UNITS = {"": 1, "k": 1024, "m": 1024 ** 2, "g": 1024 ** 3}

# O_NONBLOCK: a file swapped for a FIFO after discovery must not block the open(); O_BINARY (Windows): no
# newline translation; O_NOCTTY: a terminal device never becomes our controlling terminal.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOCTTY", 0)


#: Text that stands for files on disk (absolute path -> bytes): the editor's unsaved buffers (``overlay``).
_overlay: dict[str, bytes] = {}


class overlay:
    """While active, ``read_source`` of these files (absolute paths) returns the given bytes, not the disk's.

    The language server lints unsaved buffers through the ordinary pipeline this way.
    """

    def __init__(self, buffers: dict[str, bytes]):
        self.buffers = buffers

    def __enter__(self):
        global _overlay
        self.saved, _overlay = _overlay, self.buffers
        return self

    def __exit__(self, *exc):
        global _overlay  # noqa: PLW0603
        _overlay = self.saved


def set_limit(limit: int | None) -> None:
    """The size limit of ``read_source`` for this run (None: the default)."""
    global _limit  # noqa: PLW0603  (one setting of the run, read by every reader of source files)
    _limit = limit or MAX_FILE_BYTES


def current_limit() -> int:
    return _limit


_SIZE = LazyPattern(r"\s*([0-9]+)\s*(?:([KkMmGg])i?[Bb]?|[Bb])?\s*")


def parse_size(text) -> int:
    """``2MiB``, ``512 KiB``, ``2M``, ``1048576`` -> bytes (binary units, as Docker and Kubernetes write them); ValueError."""
    if isinstance(text, int) and not isinstance(text, bool):
        value = text
    else:
        found = _SIZE.fullmatch(str(text))
        if found is None:
            raise ValueError(f"`{text}` is not a size: write a number of bytes or a size such as 2MiB or 512KiB")
        value = int(found.group(1)) * _UNITS[(found.group(2) or "").lower()]
    if value < 1:
        raise ValueError(f"`{text}` is not a size: it must be at least 1 byte")
    return value


def read_source(path: str, limit: int | None = None) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (the run's limit by default); anything else is a
    ``SourceError`` at 1:1."""
    limit = _limit if limit is None else limit
    span = Span(path, 1, 1, 1, 1)
    if _overlay:
        data = _overlay.get(os.path.abspath(path))
        if data is not None:
            if len(data) > limit:
                raise SourceError(f"File too large to lint: {_size(len(data))}, over the limit of {_size(limit)}", span)
            return data
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise SourceError(f"Cannot read the file: {_why(path, exc)}", span) from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):  # swapped for a FIFO, a device or a directory after discovery
        os.close(fd)
        raise SourceError("Cannot read the file: it is not a regular file", span)
    with os.fdopen(fd, "rb") as handle:
        data = handle.read(limit + 1) if info.st_size <= limit else b""
    size = max(info.st_size, len(data))
    if size > limit:
        raise SourceError(
            f"File too large to lint: {_size(size)}, over the limit of {_size(limit)}; raise the limit with "
            f"`max-file-size: {_size(_raised(size), unit=True)}` in the configuration or `--max-file-size "
            f"{_size(_raised(size), unit=True)}`, split the file, or exclude it if it is generated", span)
    return data


def _why(path: str, exc: OSError) -> str:
    """What went wrong, in words (never the absolute path an OSError carries)."""
    if exc.errno == errno.ENOENT:
        if os.path.islink(path):
            return "it is a symbolic link whose target does not exist"
        return "it was removed or renamed while tfdind-lint was running"
    if exc.errno == errno.ELOOP:
        return "it is a symbolic link that loops back on itself"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return (exc.strerror or type(exc).__name__).lower()


def _size(n: int, unit: bool = False) -> str:
    """``1.5 MiB`` / ``200 KiB``; ``unit``: as a size setting is written (``2MiB``)."""
    if unit:
        return f"{n // (1024 * 1024)}MiB" if n % (1024 * 1024) == 0 else f"{n // 1024}KiB"
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MiB"
    return f"{n / 1024:.0f} KiB" if n >= 1024 else f"{n} bytes"


def _raised(size: int) -> int:
    """A limit that admits ``size``: the next whole MiB (KiB below 1 MiB)."""
    step = 1024 * 1024 if size >= 1024 * 1024 else 1024
    return (size // step + 1) * step


def decode(data: bytes, path: str) -> str:
    """The text of a source file: UTF-8, BOM dropped, line endings made ``\\n`` without moving any line.

    CRLF becomes LF and a lone CR becomes LF (editors show it as a line break, so
    line numbers stay what the user sees).  UTF-16 (with a BOM) is accepted;
    anything else that is not UTF-8 is a ``SourceError`` at the first bad byte,
    and a NUL (binary content, or UTF-16 without a BOM) is refused before decoding.
    """
    utf16 = data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE)
    if utf16:
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise SourceError(f"Not valid UTF-16: {exc.reason}; save the file as UTF-8", Span(path, 1, 1, 1, 2)) from None
    else:
        if b"\x00" in data:
            raise _nul(data, path)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line, column = _position(data, exc.start)
            raise SourceError(
                f"Not valid UTF-8: byte 0x{data[exc.start]:02x} at line {line}, column {column}; "
                "save the file as UTF-8",
                Span(path, line, column, line, column + 1),
            ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if utf16 and "\x00" in text:
        line, column = LineIndex(text).position(text.index("\x00"))
        raise _binary(path, line, column)
    return text


def _nul(data: bytes, path: str) -> SourceError:
    """The error for bytes holding a NUL: UTF-16 without a byte-order mark, or binary content."""
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    if len(sample) >= 4 and (odd.count(0) > 0.9 * len(odd) or even.count(0) > 0.9 * len(even)):
        return SourceError("This looks like UTF-16 without a byte-order mark; save the file as UTF-8",
                           Span(path, 1, 1, 1, 2))
    return _binary(path, *_position(data, data.index(b"\x00")))


def _binary(path: str, line: int, column: int) -> SourceError:
    return SourceError(
        f"Binary content: a NUL byte at line {line}, column {column}; this is not a text file "
        "(exclude it, or rename it if it is not Terraform or YAML)",
        Span(path, line, column, line, column + 1),
    )


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of a byte offset, counting CRLF, LF and a lone CR as one line break."""
    before = data[:offset]
    line = before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1
    start = max(before.rfind(b"\n"), before.rfind(b"\r")) + 1
    return line, len(before[start:].decode("utf-8", "replace")) + 1


_PLUS_ONE = (1).__add__


class LineIndex:
    """Maps character offsets of a text to 1-based (line, column)."""

    __slots__ = ("starts",)

    def __init__(self, text: str):
        # each line starts after the lines before it and their line breaks: summed in C, not line by line
        starts = list(accumulate(map(_PLUS_ONE, map(len, text.split("\n"))), initial=0))
        starts.pop()  # where a line after the last would start
        self.starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def span(self, path: str, start: int, end: int) -> Span:
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return Span(path, line, column, end_line, end_column)

    def line_start(self, line: int) -> int:
        """Offset of the first character of a 1-based line."""
        return self.starts[min(max(line, 1), len(self.starts)) - 1]
