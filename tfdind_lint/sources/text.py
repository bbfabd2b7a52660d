"""Bytes to text, and text offsets to 1-based lines and columns."""

from __future__ import annotations

import bisect
import codecs

from ..node import Span
from . import SourceError


def decode(data: bytes, path: str) -> str:
    """The text of a source file: UTF-8, BOM dropped, line endings made ``\\n`` without moving any line.

    CRLF becomes LF and a lone CR becomes LF (editors show it as a line break, so
    line numbers stay what the user sees).  UTF-16 (with a BOM) is accepted;
    anything else that is not UTF-8 is a ``SourceError`` at the first bad byte.
    """
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise SourceError(f"invalid UTF-16: {exc.reason}", Span(path, 1, 1, 1, 1)) from None
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
            raise SourceError(
                f"not valid UTF-8: byte 0x{data[exc.start]:02x} at line {line}, column {column}; "
                "save the file as UTF-8",
                Span(path, line, column, line, column + 1),
            ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        offset = text.index("\x00")
        index = LineIndex(text)
        line, column = index.position(offset)
        raise SourceError(
            f"binary content: NUL byte at line {line}, column {column}; this is not a text file",
            Span(path, line, column, line, column + 1),
        )
    return text


class LineIndex:
    """Maps character offsets of a text to 1-based (line, column)."""

    __slots__ = ("starts",)

    def __init__(self, text: str):
        starts = [0]
        find = text.find
        i = find("\n")
        while i >= 0:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self.starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def span(self, path: str, start: int, end: int) -> Span:
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return Span(path, line, column, end_line, end_column)

    def line_start(self, line: int) -> int:
        """Offset of the first character of a 1-based line."""
        return self.starts[min(max(line, 1), len(self.starts)) - 1]
