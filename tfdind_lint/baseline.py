"""Baselines: the findings a repository already had when it adopted the tool.

``tfdind-lint --write-baseline FILE`` records the current findings; with
``--baseline FILE`` (or ``baseline:`` in the configuration) a recorded finding
is marked ``baseline`` and not reported, a new one is.

A finding is recognised by what it is about, not where it is: the rule, the
file, the subject (resource address / manifest object) and the attribute path,
with the flagged source text (``excerpt``) and the line only to pair several
findings with the same key.  So lines may move.  A file that was renamed or
moved still matches when the recorded file is gone and the rule, subject,
attribute and excerpt are the same.  Paths in the file are relative to the
baseline's directory, so it works from any working directory.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass

from .finding import Finding, Suppressed

FORMAT = 1
_EXCERPT_LIMIT = 120


class BaselineError(Exception):
    pass


@dataclass(frozen=True)
class Entry:
    rule: str
    path: str  # absolute, normalised
    subject: str
    attribute: str
    excerpt: str
    line: int
    reason: str = ""


class Excerpts:
    """The flagged text of findings (first line of the span, blanks collapsed), reading each file once."""

    def __init__(self):
        self.lines: dict[str, list[str] | None] = {}

    def __call__(self, finding: Finding) -> str:
        span = finding.span
        if span.path not in self.lines:
            from .sources import SourceError  # noqa: PLC0415
            from .sources.text import read_source  # noqa: PLC0415

            try:  # read_source: a file swapped for a FIFO since it was linted must not block
                text = read_source(span.path).decode("utf-8", errors="replace")
                self.lines[span.path] = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            except SourceError:
                self.lines[span.path] = None
        lines = self.lines[span.path]
        if lines is None or not 0 < span.line <= len(lines):
            return ""
        text = lines[span.line - 1]
        text = text[span.column - 1:span.end_column - 1] if span.end_line == span.line else text[span.column - 1:]
        return " ".join(text.split())[:_EXCERPT_LIMIT]


class Baseline:
    def __init__(self, path: str, entries: list[Entry]):
        self.path = path  # as given
        self.entries = entries

    @classmethod
    def load(cls, path: str) -> "Baseline":
        try:
            with open(path, encoding="utf-8") as handle:
                data = json.load(handle)
        except FileNotFoundError:
            raise BaselineError(f"baseline file not found: {path} (write one with --write-baseline)") from None
        except OSError as exc:
            raise BaselineError(f"cannot read the baseline {path}: {exc.strerror or exc}") from None
        except json.JSONDecodeError as exc:
            raise BaselineError(f"{path}:{exc.lineno}:{exc.colno}: not a baseline file: {exc.msg}") from None
        if not isinstance(data, dict) or data.get("tool") != "tfdind-lint" or not isinstance(data.get("findings"), list):
            raise BaselineError(f"{path}: not a tfdind-lint baseline (write one with --write-baseline)")
        if data.get("format") != FORMAT:
            raise BaselineError(f"{path}: baseline format {data.get('format')!r} is not supported (expected {FORMAT}); "
                                "write it again with --write-baseline")
        base = os.path.dirname(os.path.abspath(path))
        entries = []
        for index, item in enumerate(data["findings"]):
            try:
                entries.append(Entry(
                    str(item["rule"]), os.path.normpath(os.path.join(base, item["path"])), str(item.get("subject", "")),
                    str(item.get("attribute", "")), str(item.get("excerpt", "")), int(item.get("line", 0)),
                    str(item.get("reason", "")),
                ))
            except (KeyError, TypeError, ValueError, AttributeError):
                raise BaselineError(f"{path}: entry {index} needs at least `rule` and `path`") from None
        return cls(path, entries)

    def apply(self, findings: list[Finding], linted: set[str]) -> int:
        """Mark the findings the baseline records; returns how many entries matched nothing in ``linted`` files (fixed)."""
        excerpt = Excerpts()
        pending = [(f, os.path.abspath(f.span.path), excerpt(f)) for f in findings if f.suppressed is None]
        by_key: dict[tuple, list] = {}
        for item in pending:
            f, path, _ = item
            by_key.setdefault((f.rule, path, f.subject, f.attribute), []).append(item)
        unmatched: list[Entry] = []
        entries_by_key: dict[tuple, list[Entry]] = {}
        for entry in self.entries:
            entries_by_key.setdefault((entry.rule, entry.path, entry.subject, entry.attribute), []).append(entry)
        for key, entries in entries_by_key.items():
            candidates = by_key.get(key, [])
            specific = bool(key[2] or key[3])
            # the same text first; then, for a finding with a subject or attribute, the nearest line
            left = self._pair(entries, candidates, lambda e, c: e.excerpt == c[2])
            if specific:
                left = self._pair(left, candidates, lambda e, c: True)
            unmatched.extend(left)
        # renamed or moved files: the recorded file is gone, the same thing is flagged elsewhere
        remaining = [item for items in by_key.values() for item in items if item[0].suppressed is None]
        stale = 0
        for entry in unmatched:
            if os.path.exists(entry.path):
                stale += entry.path in linted
                continue
            if entry.subject:
                moved = [c for c in remaining if (c[0].rule, c[0].subject, c[0].attribute, c[2])
                         == (entry.rule, entry.subject, entry.attribute, entry.excerpt)]
                # several candidates (a rename and a copy): the one nearest the old place
                if self._pair([entry], moved, lambda e, c: True, lambda e, c: (
                        os.path.dirname(c[1]) != os.path.dirname(e.path), os.path.basename(c[1]) != os.path.basename(e.path))) == []:
                    continue
            stale += 1
        return stale

    def _pair(self, entries: list[Entry], candidates: list, accept, place=lambda e, c: ()) -> list[Entry]:
        """Match entries to unmatched candidates (by ``place``, then nearest line); returns the entries left over."""
        left = []
        for entry in sorted(entries, key=lambda e: e.line):
            options = [c for c in candidates if c[0].suppressed is None and accept(entry, c)]
            if not options:
                left.append(entry)
                continue
            finding = min(options, key=lambda c: (place(entry, c), abs(c[0].span.line - entry.line)))[0]
            finding.suppressed = Suppressed("baseline", entry.reason or f"Recorded in the baseline {self.path}")
        return left


def write(path: str, findings: list[Finding]) -> int:
    """Record the findings that are not suppressed otherwise; returns how many."""
    base = os.path.dirname(os.path.abspath(path))
    excerpt = Excerpts()
    records = []
    for f in findings:
        if f.suppressed is not None:
            continue
        records.append({
            "rule": f.rule,
            "path": os.path.relpath(os.path.abspath(f.span.path), base).replace(os.sep, "/"),
            "line": f.span.line,
            "subject": f.subject,
            "attribute": f.attribute,
            "excerpt": excerpt(f),
            "message": f.message,
        })
    records.sort(key=lambda r: (r["path"], r["line"], r["rule"], r["subject"], r["attribute"], r["message"]))
    document = {"tool": "tfdind-lint", "format": FORMAT, "findings": records}
    directory = os.path.dirname(path)
    if directory:
        os.makedirs(directory, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    return len(records)
