"""Suppressions and acknowledgements: ``# tfdind-lint: ignore[TDL401] -- reason``.

One grammar, ``RULES -- reason (until YYYY-MM-DD)``, in four places:

- an inline comment (``#`` or ``//``), ``tfdind-lint: ignore[TDL401,TDL402] -- reason``,
  on the finding's line, on its own line just above it, or on (or just above) the
  first line of the resource / manifest object the finding belongs to;
- a file-level comment, ``tfdind-lint: ignore-file[TDL401] -- reason``, alone on its line;
- a Kubernetes annotation, ``tfdind-lint.io/ignore: "TDL401 -- reason"`` (one entry per
  line), on the object's metadata or its pod template's, for generated YAML that keeps
  no comments;
- a ``suppress:`` entry of the configuration (``config.py`` builds those).

Rules are named by id or kebab name.  The reason is mandatory: without one nothing is
suppressed and the suppression itself is reported (TDL900).  After its ``until`` date
a suppression stops working and says so (TDL900).  One that matches no finding of a
rule that ran is reported as unused (TDL901).  A privileged sidecar is "acknowledged"
exactly when its TDL401 finding is suppressed with a reason.
"""

from __future__ import annotations

from .finding import Finding, Suppressed
from .node import Node, Span
from .record import Record, Value

TYPE_CHECKING = False  # typing's, without importing typing (a one-file run: docs/benchmarks.md)
if TYPE_CHECKING:
    import datetime
    from collections.abc import Callable

    from .sources import Comment
    from .suppress_syntax import Resolve, Suggest

#: What every suppression comment holds (``tfdind-lint: ignore[...]``): a file without it in a comment has none, and
#: the grammar's reader (suppress_syntax.py) is not imported for it.
MARK = "tfdind-lint"

#: The annotation key of the Kubernetes form (a configuration may rename it).
DEFAULT_ANNOTATION = "tfdind-lint.io/ignore"

#: Findings of these rules cannot be suppressed, and what to do instead.
UNSUPPRESSIBLE = {
    "TDL000": "fix the file or exclude it in the configuration",
    "TDL900": "fix the suppression, or turn TDL900 off in the configuration",
    "TDL901": "remove the unused suppression, or turn TDL901 off in the configuration",
    "TDL999": "report the internal error",
}

class Suppression(Record):
    """A suppression as written: its kind, rules, reason and place."""

    _fields = ("kind", "rules", "reason", "span", "until", "own_line", "region", "paths", "subjects", "used")
    _shown = ("kind", "rules", "reason", "span", "until", "own_line", "region", "subjects", "used")

    kind: str  # inline, file, annotation or config
    rules: tuple[str, ...]  # rule ids
    reason: str
    span: Span  # where it is written
    until: datetime.date | None
    #: inline: the comment is alone on its line (so it may cover the line below)
    own_line: bool
    #: annotation: the object it covers
    region: Span | None
    #: config: the files it covers (its path globs) and, if any, the subjects (globs)
    paths: Callable[[str], bool] | None
    subjects: tuple[str, ...]
    #: the rules it silenced at least one finding of
    used: set[str]

    def __init__(self, kind: str, rules: tuple[str, ...], reason: str, span: Span,
                 until: datetime.date | None = None, own_line: bool = False, region: Span | None = None,
                 paths: Callable[[str], bool] | None = None, subjects: tuple[str, ...] = (),
                 used: set[str] | None = None):
        self.kind = kind
        self.rules = rules
        self.reason = reason
        self.span = span
        self.until = until
        self.own_line = own_line
        self.region = region
        self.paths = paths
        self.subjects = subjects
        self.used = set() if used is None else used

    def expired(self, today: datetime.date) -> bool:
        return self.until is not None and today > self.until

    def applies_to(self, finding: Finding) -> bool:
        """Whether the suppression's place covers the finding (file, object or config scope; not inline lines)."""
        if self.kind == "file":
            return finding.span.path == self.span.path
        if self.kind == "annotation":
            region = self.region
            return finding.span.path == region.path and region.line <= finding.span.line <= region.end_line
        if self.kind == "config":
            if not self.paths(finding.span.path):
                return False
            if not self.subjects:
                return True
            import fnmatch  # noqa: PLC0415  (imports re: only for a suppression that names subjects)

            return any(fnmatch.fnmatchcase(finding.subject, s) for s in self.subjects)
        return False

    def record(self) -> Suppressed:
        until = self.until.isoformat() if self.until else None
        return Suppressed(self.kind, self.reason, self.span, until)


class Problem(Value):
    """A suppression that cannot work (TDL900) or matches nothing (TDL901)."""

    _fields = ("rule", "span", "message")

    rule: str
    span: Span
    message: str

    def __init__(self, rule: str, span: Span, message: str):
        self.rule = rule
        self.span = span
        self.message = message


def parse_comments(comments: list[Comment], lines: list[str], resolve: Resolve,
                   suggest: Suggest | None = None) -> tuple[list[Suppression], list[Problem]]:
    """The inline and file-level suppressions among a file's comments, and the problems of those that cannot work."""
    if not any(MARK in comment.text for comment in comments):
        return [], []
    from . import suppress_syntax  # noqa: PLC0415  (most files have no suppression comment)

    return suppress_syntax.parse_comments(comments, lines, resolve, suggest)


def parse_annotation(node: Node, region: Span, resolve: Resolve,
                     suggest: Suggest | None = None) -> tuple[list[Suppression], list[Problem]]:
    """The suppressions of an annotation value (one ``RULES -- reason`` entry per line), and their problems."""
    from . import suppress_syntax  # noqa: PLC0415  (most objects have no suppression annotation)

    return suppress_syntax.parse_annotation(node, region, resolve, suggest)


def apply(findings: list[Finding], suppressions: list[Suppression], today: datetime.date) -> None:
    """Mark each finding a live suppression covers; the most specific form wins (inline, annotation, file, config)."""
    live = [s for s in suppressions if not s.expired(today)]
    if not live:
        return
    by_line: dict[tuple[str, int], list[Suppression]] = {}
    scoped: list[Suppression] = []
    for s in live:
        if s.kind == "inline":
            by_line.setdefault((s.span.path, s.span.line), []).append(s)
        else:
            scoped.append(s)
    order = {"annotation": 0, "file": 1, "config": 2}
    scoped.sort(key=lambda s: order[s.kind])
    for finding in findings:
        if finding.rule in UNSUPPRESSIBLE or finding.suppressed is not None:
            continue
        match = _inline(finding, by_line) or next(
            (s for s in scoped if finding.rule in s.rules and s.applies_to(finding)), None)
        if match is not None:
            finding.suppressed = match.record()
            match.used.add(finding.rule)


def _inline(finding: Finding, by_line: dict) -> Suppression | None:
    path = finding.span.path
    candidates = [(finding.span.line, False), (finding.span.line - 1, True)]
    if finding.owner is not None:
        candidates += [(finding.owner.line, False), (finding.owner.line - 1, True)]
    for line, must_be_own_line in candidates:
        for s in by_line.get((path, line), ()):
            if finding.rule in s.rules and (s.own_line or not must_be_own_line):
                return s
    return None


def stale(suppressions: list[Suppression], today: datetime.date, judged: Callable[[Suppression, str], bool],
          name: Callable[[str], str]) -> list[Problem]:
    """Expired suppressions (TDL900) and rules of a suppression that matched no finding (TDL901).

    ``judged(suppression, rule)`` says whether the rule ran where the suppression
    applies: a suppression of a rule that did not run cannot be called unused.
    """
    problems: list[Problem] = []
    for s in suppressions:
        if s.expired(today):
            problems.append(Problem(
                "TDL900", s.span,
                f"This suppression of {', '.join(s.rules)} expired on {s.until.isoformat()}: fix the finding, or "
                "renew the date with a reason",
            ))
            continue
        unused = [rule for rule in s.rules if rule not in s.used and judged(s, rule)]
        if not unused:
            continue
        described = ", ".join(f"{rule} ({name(rule)})" for rule in unused)
        if len(unused) == len(s.rules):
            message = f"This suppression of {described} matches no finding: remove it"
        else:
            message = f"{described} in this suppression matches no finding: remove it from the list"
        problems.append(Problem("TDL901", s.span, message))
    return problems
