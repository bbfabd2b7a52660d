"""What a run gives back (``linter.lint``): the findings and the files read, skipped and passed over."""

from __future__ import annotations

from dataclasses import dataclass, field

from .finding import Finding


@dataclass
class Report:
    """The result of a run; the formats (formats/) render it."""

    findings: list[Finding]
    files: list[str]  # every file read
    skipped: list[tuple[str, str]] = field(default_factory=list)
    internal_errors: int = 0
    #: baseline entries whose finding is gone (fixed): the baseline can be written again
    baseline_stale: int = 0
    #: (path, why) for directories and files a walk passed over on purpose (hidden, excluded)
    pruned: list[tuple[str, str]] = field(default_factory=list)

    @property
    def active(self) -> list[Finding]:
        """Findings not suppressed (nor baselined)."""
        return [f for f in self.findings if f.suppressed is None]

    def silenced(self, kind: str | None = None) -> int:
        """How many findings are suppressed (of one kind: inline, file, annotation, config, baseline)."""
        return sum(1 for f in self.findings if f.suppressed is not None and (kind is None or f.suppressed.kind == kind))
