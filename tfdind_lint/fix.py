"""Fixes: text edits at exact spans of a file, and applying them to the file's original bytes.

A check attaches a ``Fix`` to a ``Hit`` (``fix=...``); the linter carries it on the ``Finding``.
An ``Edit`` replaces the text of a ``Span`` (1-based lines and columns of the decoded text, end
column exclusive; an empty span inserts).  ``apply`` works on the original bytes: line by
line the decoded text and the bytes agree (decoding only drops a BOM and turns CRLF / CR into
LF, without moving a line), so the rest of the file keeps its bytes, its line endings included;
the ``\\n`` of inserted text becomes the file's own line ending.
"""

from __future__ import annotations

from .lazy_re import LazyPattern
from .node import Span
from .record import Value

SAFE, UNSAFE = "safe", "unsafe"


class Edit(Value):
    """Replace the text at ``span`` with ``text`` (an empty span inserts; empty text deletes)."""

    __slots__ = _fields = ("span", "text")

    span: Span
    text: str

    def __init__(self, span: Span, text: str):
        self.span = span
        self.text = text


class Fix(Value):
    """The edits that fix one finding, all or none; ``title`` names it for editors (``Prepend tcp://``)."""

    __slots__ = _fields = ("title", "edits", "safety")

    title: str
    edits: tuple[Edit, ...]
    safety: str  # safe: applied by --fix; unsafe: only with --unsafe-fixes (a behaviour change, a suggestion)

    def __init__(self, title: str, edits: tuple[Edit, ...], safety: str = SAFE):
        self.title = title
        self.edits = edits
        self.safety = safety

    @property
    def safe(self) -> bool:
        return self.safety == SAFE


def safe(title: str, *edits: Edit) -> Fix:
    return Fix(title, tuple(edits), SAFE)


def unsafe(title: str, *edits: Edit) -> Fix:
    return Fix(title, tuple(edits), UNSAFE)


_BREAK = LazyPattern(r"\r\n|\r|\n")


class FixSelection(Value):
    """Which findings' fixes to apply: ruff's ``fixable`` / ``unfixable`` / ``extend-fixable``, and ``--unsafe-fixes``.

    ``fixable``: rule ids (None: every rule); ``unfixable`` wins over it.
    """

    __slots__ = _fields = ("unsafe", "fixable", "unfixable")

    unsafe: bool
    fixable: frozenset[str] | None
    unfixable: frozenset[str]

    def __init__(self, unsafe: bool = False, fixable: frozenset[str] | None = None,
                 unfixable: frozenset[str] = frozenset()):
        self.unsafe = unsafe
        self.fixable = fixable
        self.unfixable = unfixable

    def rule_allowed(self, rule: str) -> bool:
        return (self.fixable is None or rule in self.fixable) and rule not in self.unfixable

    def allows(self, finding) -> bool:
        fix = finding.fix
        return (fix is not None and finding.suppressed is None and (fix.safe or self.unsafe)
                and self.rule_allowed(finding.rule))


class Source:
    """A file's original text (BOM and line endings as written), addressed by the decoded text's lines and columns."""

    def __init__(self, data: bytes):
        self.bom = data.startswith(b"\xef\xbb\xbf")
        self.text = data[3:].decode("utf-8") if self.bom else data.decode("utf-8")  # UnicodeDecodeError: not fixable
        starts = [0] + [m.end() for m in _BREAK.finditer(self.text)]
        self.starts = starts
        crlf, lf = self.text.count("\r\n"), self.text.count("\n")
        self.newline = "\r\n" if crlf and crlf * 2 >= lf else "\n"

    def offset(self, line: int, column: int) -> int:
        """The offset in ``text`` of a 1-based line and column (ValueError when it is not in the file)."""
        if not 1 <= line <= len(self.starts):
            raise ValueError(f"line {line} is not in the file")
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.text)
        body = self.text[start:end].rstrip("\r\n")
        if not 1 <= column <= len(body) + 1:
            raise ValueError(f"column {column} is not on line {line}")
        return start + column - 1

    def range(self, span: Span) -> tuple[int, int]:
        start, end = self.offset(span.line, span.column), self.offset(span.end_line, span.end_column)
        if end < start:
            raise ValueError("the span ends before it starts")
        return start, end

    def native(self, text: str) -> str:
        """Inserted text with the file's line ending."""
        return text.replace("\n", self.newline) if self.newline != "\n" else text

    def encode(self, text: str) -> bytes:
        return (b"\xef\xbb\xbf" if self.bom else b"") + text.encode("utf-8")


def apply(data: bytes, fixes: list[Fix]) -> tuple[bytes, list[Fix]]:
    """The bytes with every fix whose edits overlap no earlier chosen fix's applied, and the fixes applied.

    Fixes are taken in order (the caller sorts them by position); one whose edits touch a region
    an applied fix changed waits for the next pass (the file re-linted).  Two insertions at the same
    place also wait: their order would be a guess.  A fix whose span is not in the file is dropped.
    """
    source = Source(data)
    taken: list[tuple[int, int]] = []
    chosen: list[tuple[int, int, str]] = []
    applied: list[Fix] = []
    for fix in fixes:
        try:
            ranges = [(*source.range(edit.span), edit.text) for edit in fix.edits]
        except ValueError:
            continue
        if not ranges or any(_overlap(a, b) for a in ranges for b in taken) or any(
                _overlap(a, b) for i, a in enumerate(ranges) for b in ranges[i + 1:]):
            continue
        taken += [(start, end) for start, end, _ in ranges]
        chosen += ranges
        applied.append(fix)
    text = source.text
    for start, end, replacement in sorted(chosen, key=lambda r: (r[0], r[1]), reverse=True):
        text = text[:start] + source.native(replacement) + text[end:]
    return source.encode(text), applied


def _overlap(a: tuple, b: tuple) -> bool:
    (s1, e1), (s2, e2) = a[:2], b[:2]
    if s1 == e1 or s2 == e2:  # an insertion: at the same point as another edit, or strictly inside it
        return s1 == s2 or s2 < s1 < e2 or s1 < s2 < e1
    return s1 < e2 and s2 < e1
