"""Our spans (1-based lines, columns counted in characters, end exclusive) as LSP positions (0-based).

LSP counts columns in the code units of the encoding the client and server agreed on:
UTF-16 unless the client offers another (``general.positionEncodings``).  A character
outside the Basic Multilingual Plane is two UTF-16 units and up to four UTF-8 bytes.
"""

from __future__ import annotations


def text_lines(text: str) -> list[str]:
    """The lines of a file as the readers number them (CRLF and lone CR are line breaks; a BOM is not text)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def units(prefix: str, encoding: str) -> int:
    """How many code units of ``encoding`` (``utf-16``, ``utf-8``, ``utf-32``) the text takes."""
    if prefix.isascii() or encoding == "utf-32":
        return len(prefix)
    if encoding == "utf-8":
        return len(prefix.encode("utf-8", "surrogatepass"))
    return len(prefix.encode("utf-16-le", "surrogatepass")) // 2


def position(lines: list[str] | None, line: int, column: int, encoding: str = "utf-16") -> tuple[int, int]:
    """A 1-based (line, character column) as a 0-based (line, code-unit column), clamped to the text."""
    if not lines:
        return max(line - 1, 0), max(column - 1, 0)
    index = min(max(line, 1), len(lines)) - 1
    text = lines[index]
    if line > len(lines):  # past the end (a finding at the end of a file): the end of the last line
        return index, units(text, encoding)
    return index, units(text[:max(column - 1, 0)], encoding)
