"""Stable finding fingerprints (SARIF ``partialFingerprints``, GitLab Code Quality ``fingerprint``).

A fingerprint hashes what a finding is about, not where it is, so it survives lines moving:
rule, file, subject, attribute and the flagged text, with an occurrence number for repeats.
"""

from __future__ import annotations

import hashlib

from ..sources import SourceError
from ..sources.text import read_source
from .line_hash import line_hashes


def fingerprint(finding, source_text: str, seen: dict) -> str:
    """A hash of what the finding is about, not where: rule, file, subject, attribute and the flagged text."""
    base = "\x1f".join([finding.rule, finding.span.path, finding.subject, finding.attribute, source_text])
    seen[base] = seen.get(base, 0) + 1
    return hashlib.sha256(f"{base}\x1f{seen[base]}".encode()).hexdigest()[:32]


class Sources:
    """File texts for fingerprints, read once per file that has results."""

    def __init__(self):
        self.texts: dict[str, str | None] = {}
        self.hashes: dict[str, list[str]] = {}

    def text(self, path: str) -> str | None:
        if path not in self.texts:
            try:  # read_source: never blocks on a FIFO, never reads a huge file (the hash would take minutes)
                self.texts[path] = read_source(path).decode("utf-8", errors="replace")
            except SourceError:
                self.texts[path] = None
        return self.texts[path]

    def line_hash(self, path: str, line: int) -> str | None:
        if path not in self.hashes:
            text = self.text(path)
            self.hashes[path] = line_hashes(text) if text is not None else []
        hashes = self.hashes[path]
        return hashes[line - 1] if 0 < line <= len(hashes) else None

    def excerpt(self, span) -> str:
        text = self.text(span.path)
        if text is None:
            return ""
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        if span.line > len(lines):
            return ""
        if span.line == span.end_line:
            return lines[span.line - 1][span.column - 1:span.end_column - 1]
        return lines[span.line - 1][span.column - 1:]
