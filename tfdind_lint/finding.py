"""Severity and Finding: what every check produces and every format prints."""

from __future__ import annotations

from .node import Span
from .record import MutableValue, Value

TYPE_CHECKING = False  # typing's, without importing typing (a one-file run: docs/benchmarks.md)
if TYPE_CHECKING:
    from .fix import Fix


class _Levels(type):
    """Severity's class: iterated (NOTE, WARNING, ERROR), indexed by name and called with a value, as an enum."""

    def __iter__(cls):
        return iter(cls._members)

    def __len__(cls) -> int:
        return len(cls._members)

    def __getitem__(cls, name: str) -> Severity:
        if name not in cls._names:
            raise KeyError(name)
        return cls._members[cls._names.index(name)]

    def __call__(cls, value) -> Severity:
        for member in cls._members:
            if member == value:
                return member
        raise ValueError(f"{value!r} is not a valid Severity")


class Severity(int, metaclass=_Levels):
    """NOTE < WARNING < ERROR: an int with a name, what ``enum.IntEnum`` makes (importing enum, with functools and
    collections, costs a one-file run more than its rules: docs/benchmarks.md)."""

    __slots__ = ()
    _names = ("NOTE", "WARNING", "ERROR")
    _members: tuple[Severity, ...]
    NOTE: Severity
    WARNING: Severity
    ERROR: Severity

    @property
    def name(self) -> str:
        return self._names[self - 1]

    @property
    def value(self) -> int:
        return int(self)

    @classmethod
    def parse(cls, text: str) -> Severity:
        return cls[text.upper()]

    def __str__(self) -> str:
        return self.name.lower()

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __repr__(self) -> str:
        return f"<Severity.{self.name}: {int(self)}>"

    def __reduce__(self):
        return Severity, (int(self),)


Severity._members = tuple(int.__new__(Severity, value) for value in (1, 2, 3))
Severity.NOTE, Severity.WARNING, Severity.ERROR = Severity._members


class Related(Value):
    """Another place a finding relies on (the declaration, the other container, ...)."""

    __slots__ = _fields = ("span", "message")

    span: Span
    message: str

    def __init__(self, span: Span, message: str):
        self.span = span
        self.message = message


class Suppressed(Value):
    """Why a finding is not reported: which kind of suppression, its reason, and where it is written."""

    __slots__ = _fields = ("kind", "reason", "span", "until")

    kind: str  # inline, file, annotation, config or baseline
    reason: str
    #: Where the suppression is written (the comment, annotation or config entry); None for a baseline.
    span: Span | None
    #: The date after which the suppression stops working (ISO ``YYYY-MM-DD``), if it has one.
    until: str | None

    def __init__(self, kind: str, reason: str, span: Span | None = None, until: str | None = None):
        self.kind = kind
        self.reason = reason
        self.span = span
        self.until = until


class Finding(MutableValue):
    """One finding of a rule at a place, as reported."""

    __slots__ = _fields = ("span", "rule", "name", "severity", "message", "subject", "attribute", "related",
                           "suppressed", "hint", "owner", "fix")
    _shown = ("span", "rule", "name", "severity", "message", "subject", "attribute", "related", "suppressed", "hint")
    _compared = ("span", "rule", "name", "severity", "message", "subject", "attribute", "related", "suppressed",
                 "hint")

    span: Span
    rule: str  # TDLnnn
    name: str  # kebab-case rule name
    severity: Severity
    message: str
    #: The object the finding is about, stable across unrelated edits: ``docker_container.dind`` / ``Pod/ns/x``.
    subject: str
    #: Where inside the subject: the attribute path (``security_context.privileged``).
    attribute: str
    related: tuple[Related, ...]
    #: Set when a suppression with a reason (or the baseline) silences the finding.
    suppressed: Suppressed | None
    #: Extra words for the user (a "did you mean" hint...), printed after the message.
    hint: str
    #: The resource / manifest object the finding belongs to (for suppressions; not printed).
    owner: Span | None
    #: The edits that fix it (fix.py), when the rule knows them.
    fix: Fix | None

    def __init__(self, span: Span, rule: str, name: str, severity: Severity, message: str, subject: str = "",
                 attribute: str = "", related: tuple[Related, ...] = (), suppressed: Suppressed | None = None,
                 hint: str = "", owner: Span | None = None, fix: Fix | None = None):
        self.span = span
        self.rule = rule
        self.name = name
        self.severity = severity
        self.message = message
        self.subject = subject
        self.attribute = attribute
        self.related = related
        self.suppressed = suppressed
        self.hint = hint
        self.owner = owner
        self.fix = fix

    def sort_key(self):
        s = self.span
        return (s.path, s.line, s.column, self.rule, s.end_line, s.end_column, self.message)


class Hit(MutableValue):
    """What a check returns; the linter turns it into a Finding with the policy's id, name and severity."""

    __slots__ = _fields = ("span", "message", "subject", "attribute", "related", "severity", "hint", "owner", "fix")

    span: Span
    message: str
    subject: str
    attribute: str
    related: tuple[Related, ...]
    severity: Severity | None  # overrides the policy's default severity (e.g. TDL002 warning when pinned)
    hint: str
    #: The resource / manifest object the finding belongs to: a suppression on its first line applies.
    owner: Span | None
    #: The edits that fix it (fix.py: ``fix=fix.safe("Prepend tcp://", Edit(...))``).
    fix: Fix | None

    def __init__(self, span: Span, message: str, subject: str = "", attribute: str = "",
                 related: tuple[Related, ...] = (), severity: Severity | None = None, hint: str = "",
                 owner: Span | None = None, fix: Fix | None = None):
        self.span = span
        self.message = message
        self.subject = subject
        self.attribute = attribute
        self.related = related
        self.severity = severity
        self.hint = hint
        self.owner = owner
        self.fix = fix
