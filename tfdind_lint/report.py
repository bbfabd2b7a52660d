"""What a run gives back (``linter.lint``): the findings and the files read, skipped and passed over."""

from __future__ import annotations

from .finding import Finding
from .record import MutableValue


class Report(MutableValue):
    """The result of a run; the formats (formats/) render it."""

    _fields = ("findings", "files", "skipped", "internal_errors", "baseline_stale", "pruned")

    findings: list[Finding]
    files: list[str]  # every file read
    skipped: list[tuple[str, str]]
    internal_errors: int
    #: baseline entries whose finding is gone (fixed): the baseline can be written again
    baseline_stale: int
    #: (path, why) for directories and files a walk passed over on purpose (hidden, excluded)
    pruned: list[tuple[str, str]]

    def __init__(self, findings: list[Finding], files: list[str], skipped: list[tuple[str, str]] | None = None,
                 internal_errors: int = 0, baseline_stale: int = 0, pruned: list[tuple[str, str]] | None = None):
        self.findings = findings
        self.files = files
        self.skipped = [] if skipped is None else skipped
        self.internal_errors = internal_errors
        self.baseline_stale = baseline_stale
        self.pruned = [] if pruned is None else pruned

    @property
    def active(self) -> list[Finding]:
        """Findings not suppressed (nor baselined)."""
        return [f for f in self.findings if f.suppressed is None]

    def silenced(self, kind: str | None = None) -> int:
        """How many findings are suppressed (of one kind: inline, file, annotation, config, baseline)."""
        return sum(1 for f in self.findings if f.suppressed is not None and (kind is None or f.suppressed.kind == kind))
