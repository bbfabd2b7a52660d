"""Severity and Finding: what every check produces and every format prints."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .node import Span

if TYPE_CHECKING:
    from .fix import Fix


class Severity(enum.IntEnum):
    NOTE = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, text: str) -> Severity:
        return cls[text.upper()]

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Related:
    """Another place a finding relies on (the declaration, the other container, ...)."""

    span: Span
    message: str


@dataclass(frozen=True, slots=True)
class Suppressed:
    """Why a finding is not reported: which kind of suppression, its reason, and where it is written."""

    kind: str  # inline, file, annotation, config or baseline
    reason: str
    #: Where the suppression is written (the comment, annotation or config entry); None for a baseline.
    span: Span | None = None
    #: The date after which the suppression stops working (ISO ``YYYY-MM-DD``), if it has one.
    until: str | None = None


@dataclass(slots=True)
class Finding:
    """One finding of a rule at a place, as reported."""

    span: Span
    rule: str  # TDLnnn
    name: str  # kebab-case rule name
    severity: Severity
    message: str
    #: The object the finding is about, stable across unrelated edits: ``docker_container.dind`` / ``Pod/ns/x``.
    subject: str = ""
    #: Where inside the subject: the attribute path (``security_context.privileged``).
    attribute: str = ""
    related: tuple[Related, ...] = ()
    #: Set when a suppression with a reason (or the baseline) silences the finding.
    suppressed: Suppressed | None = None
    #: Extra words for the user (a "did you mean" hint...), printed after the message.
    hint: str = ""
    #: The resource / manifest object the finding belongs to (for suppressions; not printed).
    owner: Span | None = field(default=None, repr=False, compare=False)
    #: The edits that fix it (fix.py), when the rule knows them.
    fix: Fix | None = field(default=None, repr=False, compare=False)

    def sort_key(self):
        s = self.span
        return (s.path, s.line, s.column, self.rule, s.end_line, s.end_column, self.message)


@dataclass(slots=True)
class Hit:
    """What a check returns; the linter turns it into a Finding with the policy's id, name and severity."""

    span: Span
    message: str
    subject: str = ""
    attribute: str = ""
    related: tuple[Related, ...] = ()
    severity: Severity | None = None  # overrides the policy's default severity (e.g. TDL002 warning when pinned)
    hint: str = ""
    #: The resource / manifest object the finding belongs to: a suppression on its first line applies.
    owner: Span | None = None
    #: The edits that fix it (fix.py: ``fix=fix.safe("Prepend tcp://", Edit(...))``).
    fix: Fix | None = None
