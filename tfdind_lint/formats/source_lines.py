"""The lines of the files findings point into, for code frames: each file read and decoded once.

Decoded as the readers decode (BOM dropped, CRLF and CR read as LF), so a finding's
columns index the same characters here.  Only files with findings are read, and
``read_source`` never blocks on a FIFO nor reads a file above the size limit.
"""

from __future__ import annotations

from ..sources import SourceError
from ..sources.text import decode, read_source


class SourceLines:
    def __init__(self):
        self._files: dict[str, list[str] | None] = {}

    def lines(self, path: str) -> list[str] | None:
        """The file's lines, or None when it cannot be read or is not text (a TDL000 says why)."""
        if path not in self._files:
            try:
                self._files[path] = decode(read_source(path), path).split("\n")
            except (SourceError, OSError, ValueError):
                self._files[path] = None
        return self._files[path]

    def line(self, path: str, number: int) -> str | None:
        lines = self.lines(path)
        if lines is None or not 0 < number <= len(lines):
            return None
        return lines[number - 1]
