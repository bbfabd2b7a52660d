"""Inline suppressions and acknowledgements: ``# tfdind-lint: ignore[TDL401] -- reason``.

One syntax for every file type (``#`` or ``//`` comments).  A suppression
applies to a finding of one of its rules when it sits on the finding's line,
on its own line just above it, or on (or just above) the first line of the
resource / manifest object the finding belongs to.  The reason is mandatory:
without one nothing is suppressed and the comment itself is reported.  A
privileged sidecar is "acknowledged" exactly when its TDL401 finding is
suppressed with a reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .finding import Finding
from .node import Span
from .sources import Comment

_DIRECTIVE = re.compile(r"^\s*tfdind-lint\s*:\s*(?P<rest>.*)$")
_IGNORE = re.compile(r"^ignore\s*\[(?P<ids>[^\]]*)\]\s*(?P<tail>.*)$")
_REASON = re.compile(r"^--\s*(?P<reason>.*?)\s*$")

#: Findings of these rules cannot be silenced inline (a file that does not parse must be fixed or excluded).
UNSUPPRESSIBLE = frozenset({"TDL000"})


@dataclass(eq=False)
class Suppression:
    rules: tuple[str, ...]  # rule ids
    reason: str
    span: Span
    own_line: bool  # the comment is alone on its line
    used: bool = field(default=False)


@dataclass(frozen=True)
class Problem:
    """A suppression comment that cannot work, reported as TDL900."""

    span: Span
    message: str


def parse(comments: list[Comment], lines: list[str], resolve) -> tuple[list[Suppression], list[Problem]]:
    """The suppressions among a file's comments.  ``resolve`` maps an id or a name to a rule id (or None)."""
    suppressions: list[Suppression] = []
    problems: list[Problem] = []
    for comment in comments:
        directive = _DIRECTIVE.match(comment.text)
        if directive is None:
            continue
        rest = directive.group("rest").strip()
        ignore = _IGNORE.match(rest)
        if ignore is None:
            problems.append(Problem(comment.span, "not a tfdind-lint directive: write `tfdind-lint: ignore[TDLnnn] -- reason`"))
            continue
        ids = [part.strip() for part in ignore.group("ids").split(",") if part.strip()]
        rules = []
        unknown = []
        for part in ids:
            rule = resolve(part)
            (rules if rule else unknown).append(rule or part)
        tail = ignore.group("tail").strip()
        reason_match = _REASON.match(tail)
        reason = reason_match.group("reason") if reason_match else ""
        if not ids:
            problems.append(Problem(comment.span, "suppression names no rule: write `ignore[TDLnnn] -- reason`"))
            continue
        if unknown:
            problems.append(Problem(comment.span, f"suppression names an unknown rule: {', '.join(unknown)}"))
        if not reason:
            problems.append(Problem(
                comment.span,
                f"suppression of {', '.join(ids)} has no reason, so it suppresses nothing: "
                f"add `-- <why this is acceptable>` after `ignore[{ignore.group('ids').strip()}]`",
            ))
            continue
        if rules:
            line = lines[comment.span.line - 1] if 0 < comment.span.line <= len(lines) else ""
            own_line = not line[: comment.span.column - 1].strip()
            suppressions.append(Suppression(tuple(rules), reason, comment.span, own_line))
    return suppressions, problems


def apply(findings: list[Finding], suppressions: list[Suppression]) -> None:
    """Mark each finding a suppression covers (``finding.suppressed`` = the reason)."""
    if not suppressions:
        return
    by_line: dict[int, list[Suppression]] = {}
    for s in suppressions:
        by_line.setdefault(s.span.line, []).append(s)
    for finding in findings:
        if finding.rule in UNSUPPRESSIBLE or finding.suppressed is not None:
            continue
        candidates = [(finding.span.line, False), (finding.span.line - 1, True)]
        if finding.owner is not None:
            candidates += [(finding.owner.line, False), (finding.owner.line - 1, True)]
        for line, must_be_own_line in candidates:
            match = next((s for s in by_line.get(line, ()) if finding.rule in s.rules and (s.own_line or not must_be_own_line)), None)
            if match is not None:
                finding.suppressed = match.reason
                match.used = True
                break
