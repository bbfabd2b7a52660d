"""Terraform version constraints as sets of versions (``~> 2.12.1``, ``>= 2.0, != 2.3.0``, ``2.16.0``).

Terraform reads a provider ``version`` with apparentlymart/go-versions'
"Ruby-style" syntax: comma-separated clauses, all of which must hold; the
operators ``=`` (also a bare version), ``!=``, ``>``, ``>=``, ``<``, ``<=`` and
``~>``; missing components are zero (``>= 2.0`` is ``>= 2.0.0``).  ``~>`` lets
only the rightmost given component grow: ``~> 2.12.1`` is ``>= 2.12.1, <
2.13.0``; ``~> 2.10`` (and ``~> 2``) is ``>= 2.10.0, < 3.0.0``.

A constraint is kept as the intervals of versions its clauses allow.  What it
*admits* follows Terraform's installer: released versions in those intervals,
plus a prerelease only when the constraint pins exact versions (``=
2.0.0-rc.1``); ``>=`` and friends never select a prerelease.
"""

from __future__ import annotations

from .lazy_re import LazyPattern
from .record import Value

_VERSION_TEXT = (r"(?P<major>\d+)(?:\.(?P<minor>\d+))?(?:\.(?P<patch>\d+))?"
                 r"(?:-(?P<pre>[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?")
_VERSION = LazyPattern(_VERSION_TEXT)
_CLAUSE = LazyPattern(r"\s*(?P<op>~>|>=|<=|!=|=|>|<)?\s*(?P<version>" + _VERSION_TEXT + r")\s*")


class ConstraintError(ValueError):
    """A version or constraint string Terraform would reject."""


class Version(Value):
    """A semantic version; build metadata is ignored (it takes no part in ordering)."""

    __slots__ = _fields = ("major", "minor", "patch", "prerelease")

    def __init__(self, major: int, minor: int = 0, patch: int = 0, prerelease: str = ""):
        self.major = major
        self.minor = minor
        self.patch = patch
        self.prerelease = prerelease

    @classmethod
    def parse(cls, text: str) -> Version:
        m = _VERSION.fullmatch(text.strip())
        if m is None:
            raise ConstraintError(f"not a version: {text!r}")
        return cls(int(m.group("major")), int(m.group("minor") or 0), int(m.group("patch") or 0), m.group("pre") or "")

    def key(self) -> tuple:
        """Semantic-versioning precedence: a prerelease sorts before its release, numeric identifiers before text."""
        pre = tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in self.prerelease.split(".")) if self.prerelease else ()
        return (self.major, self.minor, self.patch, 0 if self.prerelease else 1, pre)

    def __lt__(self, other: Version) -> bool:
        return self.key() < other.key()

    def __le__(self, other: Version) -> bool:
        return self.key() <= other.key()

    def __str__(self) -> str:
        text = f"{self.major}.{self.minor}.{self.patch}"
        return f"{text}-{self.prerelease}" if self.prerelease else text


class Bound(Value):
    """One end of an ``Interval``."""

    __slots__ = _fields = ("version", "inclusive")

    def __init__(self, version: Version, inclusive: bool):
        self.version = version
        self.inclusive = inclusive


class Interval(Value):
    """Versions between two bounds; ``None`` is unbounded."""

    __slots__ = _fields = ("lower", "upper")

    def __init__(self, lower: Bound | None = None, upper: Bound | None = None):
        self.lower = lower
        self.upper = upper

    def intersect(self, other: Interval) -> Interval | None:
        lower = _max_lower(self.lower, other.lower)
        upper = _min_upper(self.upper, other.upper)
        interval = Interval(lower, upper)
        return None if interval.empty else interval

    @property
    def empty(self) -> bool:
        if self.lower is None or self.upper is None:
            return False
        lo, hi = self.lower.version.key(), self.upper.version.key()
        return lo > hi or (lo == hi and not (self.lower.inclusive and self.upper.inclusive))

    @property
    def point(self) -> Version | None:
        """The single version of an ``= v`` interval."""
        if self.lower is not None and self.upper is not None and self.lower.version.key() == self.upper.version.key():
            return self.lower.version
        return None

    def has_release(self) -> bool:
        """Whether a released version lies in the interval (``[2.0.0-rc.1, 2.0.0)`` holds none)."""
        first = _first_release(self.lower)
        if self.upper is None:
            return True
        if self.upper.inclusive:
            return first <= self.upper.version
        return first < self.upper.version

    def contains(self, version: Version) -> bool:
        if self.lower is not None:
            if version < self.lower.version or (not self.lower.inclusive and version.key() == self.lower.version.key()):
                return False
        if self.upper is not None:
            if self.upper.version < version or (not self.upper.inclusive and version.key() == self.upper.version.key()):
                return False
        return True


def _first_release(lower: Bound | None) -> Version:
    """The smallest released version at or above a lower bound."""
    if lower is None:
        return Version(0, 0, 0)
    v = lower.version
    if v.prerelease:  # every prerelease sorts below the release of the same numbers
        return Version(v.major, v.minor, v.patch)
    return v if lower.inclusive else Version(v.major, v.minor, v.patch + 1)


def _max_lower(a: Bound | None, b: Bound | None) -> Bound | None:
    if a is None or b is None:
        return a or b
    if a.version.key() != b.version.key():
        return a if b.version < a.version else b
    return a if not a.inclusive else b


def _min_upper(a: Bound | None, b: Bound | None) -> Bound | None:
    if a is None or b is None:
        return a or b
    if a.version.key() != b.version.key():
        return a if a.version < b.version else b
    return a if not a.inclusive else b


class Constraint(Value):
    """The versions a constraint string allows, as disjoint intervals (empty when it contradicts itself)."""

    __slots__ = _fields = ("intervals", "text")

    def __init__(self, intervals: tuple[Interval, ...], text: str = ""):
        self.intervals = intervals
        self.text = text

    @classmethod
    def parse(cls, text: str) -> Constraint:
        """Parse a Terraform constraint string; raises ``ConstraintError`` for one Terraform rejects."""
        if not text.strip():
            raise ConstraintError("empty version constraint")
        result = ANY
        for clause in text.split(","):
            result = result.intersect(Constraint(_clause(clause)))
        return Constraint(result.intervals, text)

    def intersect(self, other: Constraint) -> Constraint:
        """Versions both constraints allow (Terraform combines every module's constraints this way)."""
        found = []
        for a in self.intervals:
            for b in other.intervals:
                both = a.intersect(b)
                if both is not None:
                    found.append(both)
        found.sort(key=lambda i: (i.lower is not None, i.lower.version.key() if i.lower else ()))
        return Constraint(tuple(found), ", ".join(t for t in (self.text, other.text) if t))

    @property
    def exact(self) -> bool:
        """True when the constraint pins exact versions (only then may a prerelease be selected)."""
        return bool(self.intervals) and all(i.point is not None for i in self.intervals)

    def admits(self, version: Version) -> bool:
        """Whether Terraform may install ``version`` under this constraint."""
        if version.prerelease and not self.exact:
            return False
        return any(i.contains(version) for i in self.intervals)

    def admits_within(self, window: Interval) -> bool:
        """Whether Terraform may install some version inside ``window``."""
        for interval in self.intervals:
            part = interval.intersect(window)
            if part is None:
                continue
            if part.has_release():
                return True
            if self.exact and part.point is not None:  # a pinned prerelease
                return True
        return False

    def admits_below(self, version: Version) -> bool:
        """Whether some admitted version is older than ``version``."""
        return self.admits_within(Interval(upper=Bound(version, False)))

    def admits_at_least(self, version: Version) -> bool:
        """Whether some admitted version is ``version`` or newer."""
        return self.admits_within(Interval(lower=Bound(version, True)))


ANY = Constraint((Interval(),))


def _clause(text: str) -> tuple[Interval, ...]:
    m = _CLAUSE.fullmatch(text)
    if m is None:
        raise ConstraintError(f"not a version constraint: {text.strip()!r}")
    op = m.group("op") or "="
    v = Version(int(m.group("major")), int(m.group("minor") or 0), int(m.group("patch") or 0), m.group("pre") or "")
    if op == "=":
        return (Interval(Bound(v, True), Bound(v, True)),)
    if op == "!=":
        return (Interval(upper=Bound(v, False)), Interval(lower=Bound(v, False)))
    if op == ">":
        return (Interval(lower=Bound(v, False)),)
    if op == ">=":
        return (Interval(lower=Bound(v, True)),)
    if op == "<":
        return (Interval(upper=Bound(v, False)),)
    if op == "<=":
        return (Interval(upper=Bound(v, True)),)
    # ~>: three components let the patch grow, fewer let the minor grow
    if m.group("patch") is not None:
        upper = Version(v.major, v.minor + 1, 0)
    else:
        upper = Version(v.major + 1, 0, 0)
    return (Interval(Bound(v, True), Bound(upper, False)),)
