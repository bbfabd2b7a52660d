"""Baselines: the findings a repository already had when it adopted the tool.

``tfdind-lint --write-baseline`` records the current findings (in ``--baseline FILE``, the configuration's
``baseline`` or the default file next to the configuration); with
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
from dataclasses import dataclass, field

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
    #: the entry as written in the file (kept as it is when the run could not judge it)
    record: dict = field(default=None, compare=False, repr=False)


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
        #: id(finding) -> the entry it matched (writing again keeps the entry's reason)
        self.matched: dict[int, Entry] = {}
        #: entries the last ``apply`` could not judge: their rule did not run on their file
        self.kept: list[Entry] = []

    @classmethod
    def load(cls, path: str) -> Baseline:
        try:
            with open(path, encoding="utf-8") as handle:
                data = json.load(handle)
        except FileNotFoundError:
            raise BaselineError(f"baseline file not found: {path} (write one with --write-baseline)") from None
        except OSError as exc:
            raise BaselineError(f"cannot read the baseline {path}: {exc.strerror or exc}") from None
        except json.JSONDecodeError as exc:
            raise BaselineError(f"{path}:{exc.lineno}:{exc.colno}: not a baseline file: {exc.msg}") from None
        except UnicodeDecodeError as exc:
            raise BaselineError(f"{path}: not a baseline file: byte {exc.object[exc.start]:#04x} at offset {exc.start} "
                                "is not UTF-8") from None
        except RecursionError:
            raise BaselineError(f"{path}: not a baseline file: nested too deeply") from None
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
                    str(item.get("reason", "")), dict(item),
                ))
            except (KeyError, TypeError, ValueError, AttributeError):
                raise BaselineError(f"{path}: entry {index} needs at least `rule` and `path`") from None
        return cls(path, entries)

    def apply(self, findings: list[Finding], judged) -> int:
        """Mark the findings the baseline records; returns how many entries are stale (their finding is fixed).

        ``judged(rule, path)`` (an absolute path) says whether the run could have found the entry's finding:
        the rule ran on that file, or, for a file that is gone, on the directory that held it.  Only those
        entries can be stale; the others are kept as they are (``kept``), so a run narrowed by ``--select``,
        ``--ignore``, overrides or named files neither reports nor drops other rules' and files' entries.
        A set of linted paths stands for "every rule ran on these files".
        """
        if not callable(judged):
            linted = judged
            judged = lambda rule, path: path in linted or not os.path.exists(path)  # noqa: E731
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
        self.kept = []
        for entry in unmatched:
            if not judged(entry.rule, entry.path):
                self.kept.append(entry)
                continue
            if not os.path.exists(entry.path) and entry.subject:
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
            self.matched[id(finding)] = entry
            finding.suppressed = Suppressed("baseline", entry.reason or f"Recorded in the baseline {self.path}")
        return left


def write(path: str, findings: list[Finding], baseline: Baseline | None = None) -> tuple[int, int]:
    """Record the findings that are not suppressed otherwise; returns (findings recorded, entries kept).

    With the ``baseline`` the run applied (the file's earlier content), the findings it
    matched are recorded again with their entry's ``reason``, and the entries the run
    could not judge (``Baseline.kept``) are kept as they were.  The write is atomic.
    """
    from .writes import write_atomic  # noqa: PLC0415

    base = os.path.dirname(os.path.abspath(path))
    excerpt = Excerpts()
    matched = baseline.matched if baseline is not None else {}
    records = []
    for f in findings:
        entry = matched.get(id(f)) if f.suppressed is not None and f.suppressed.kind == "baseline" else None
        if f.suppressed is not None and entry is None:
            continue
        record = {
            "rule": f.rule,
            "path": _relative(f.span.path, base),
            "line": f.span.line,
            "subject": f.subject,
            "attribute": f.attribute,
            "excerpt": excerpt(f),
            "message": f.message,
        }
        if entry is not None and entry.reason:
            record["reason"] = entry.reason
        records.append(record)
    count = len(records)
    kept = baseline.kept if baseline is not None else []
    for entry in kept:
        records.append({**(entry.record or {}), "rule": entry.rule, "path": _relative(entry.path, base)})
    records.sort(key=lambda r: (r["path"], r.get("line", 0), r["rule"], r.get("subject", ""), r.get("attribute", ""),
                                str(r.get("message", ""))))
    document = {"tool": "tfdind-lint", "format": FORMAT, "findings": records}
    directory = os.path.dirname(path)
    if directory:
        os.makedirs(directory, exist_ok=True)
    write_atomic(path, json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    return count, len(kept)


def _relative(path: str, base: str) -> str:
    return os.path.relpath(os.path.abspath(path), base).replace(os.sep, "/")
