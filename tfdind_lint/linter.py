"""files -> pieces (sources, model, unit checks) -> project-scoped checks -> suppressions -> baseline -> sorted findings.

pieces.py checks each piece of the run on its own (here, in worker processes or
from the cache: parallel.py, cache.py); this module combines what they give back.
"""

from __future__ import annotations

import os

from . import parallel, pieces, suppress
from .context import Context
from .discover import Discovery, discover
from .finding import Finding, Hit
from .report import Report
from .rules import BUILTIN, CHECKS, COLLECTORS
from .settings import RunSettings

TYPE_CHECKING = False  # typing's, without importing typing (a one-file run: docs/benchmarks.md)
if TYPE_CHECKING:
    from .cache import Cache

#: The name ``RunSettings`` had before it moved to settings.py, kept for scripts that import it from here.
Settings = RunSettings


def lint(paths: list[str], settings: RunSettings | None = None, discovery: Discovery | None = None, *,
         jobs: int | None = 1, cache: Cache | None = None, progress=None, overlay: dict[str, bytes] | None = None) -> Report:
    """Lint files and directories; raises ``discover.UsageError`` for a path that does not exist.

    Nothing in one file can stop the run: a file that cannot be read or parsed is a
    TDL000 finding, and an exception in a check or in building the model is a TDL999
    finding naming the rule and the file (``Report.internal_errors`` makes the exit code 2).

    ``jobs``: how many processes may check pieces at once (1, the default: this process
    only; None: one per core the process may use, for inputs large enough to gain; the
    command line's default; worker processes are ``spawn``ed, so a calling script needs
    the usual ``if __name__ == "__main__":`` guard); ``cache``: a ``cache.Cache`` of earlier
    runs' results; ``progress(files_done, files_total)``: called as pieces are checked; ``overlay``: file path ->
    bytes read instead of the file's (an editor's unsaved buffers), in this process, without the cache.
    """
    if overlay:
        from .sources.text import overlay as reading  # noqa: PLC0415

        with reading({os.path.abspath(path): data for path, data in overlay.items()}):
            return lint(paths, settings, discovery, jobs=1, progress=progress)
    settings = settings or RunSettings()
    from .sources.text import set_limit  # noqa: PLC0415

    set_limit(settings.max_file_size())
    discovery = discovery or discover(paths, exclude=settings.excluded if settings.configuration else None)
    if settings.configuration is not None:
        settings.configuration.load_for(discovery.files())
    run = _Run(settings, discovery)
    results = parallel.check(pieces.units(discovery), settings, run.project_rules, jobs, cache, progress)
    for result in results:
        run.absorb(result)
    run.check()
    run.suppress()
    # an internal error is always shown: it explains the exit code
    findings = [f for f in run.findings if run.reported(f.span.path) or f.rule == "TDL999"]
    # files named on the command line: their module directories were read, only they are reported (nor excluded ones)
    files = [f for f in run.files if run.reported(f)]
    findings = _dedupe(sorted(findings, key=Finding.sort_key))
    stale = 0
    if settings.baseline is not None:
        stale = settings.baseline.apply(findings, run.baseline_judge())
    return Report(findings, sorted(files), sorted(set(discovery.skipped + run.skipped)), run.internal_errors, stale,
                  discovery.pruned)


class _Run:
    """What the run keeps of its pieces (pieces.UnitResult), then the project-scoped checks and the suppressions."""

    def __init__(self, settings: RunSettings, discovery: Discovery):
        self.settings = settings
        self.discovery = discovery
        #: file -> rules that ran on it: only there can a suppression of the rule be called unused
        self.ran: dict[str, frozenset[str]] = {}
        self.failed: set[str] = set()  # rules whose check raised
        self.findings: list[Finding] = []
        self.files: list[str] = []
        self.skipped: list[tuple[str, str]] = []
        self.comments: list[tuple[str, list, list]] = []  # (path, suppressions, problems) of every file's comments
        self.annotations: list[tuple[list, list]] = []
        self.gathered: dict[str, list] = {}
        self.gather_errors: dict[str, str] = {}
        self.first: dict[str, str] = {}  # project-scoped rule -> the first file it ran on (where its failure is reported)
        self.internal_errors = 0
        # a project-scoped rule runs over the whole run when it is enabled for any file of it
        everything = discovery.files()
        kinds = {kind for kind, present in (("terraform", discovery.terraform), ("yaml", discovery.yaml),
                                            ("toml", discovery.toml)) if present}
        self.project_rules = frozenset(
            rule for rule, policy in settings.policies.items()
            if not policy.custom and rule not in BUILTIN and kinds.intersection(policy.files)
            and any(settings.is_enabled(rule, f) for f in everything) and CHECKS.project_scoped(rule))
        self._interned: dict[frozenset, frozenset] = {}

    def absorb(self, result: pieces.UnitResult) -> None:
        self.files += result.files
        self.findings += result.findings
        self.comments += result.comments
        self.annotations.append(result.annotations)
        for path, rules in result.ran.items():
            self.ran[path] = self._interned.setdefault(rules, rules)  # most files run the same rules: one set
        self.skipped += result.skipped
        self.internal_errors += result.internal_errors
        self.failed |= result.failed
        for rule in self.project_rules:
            if rule in result.gathered:
                self.gathered.setdefault(rule, []).append(result.gathered[rule])
            if rule not in self.first:
                ran_on = next((f for f in result.files if rule in result.ran.get(f, ())), None)
                if ran_on is not None:
                    self.first[rule] = ran_on
        for rule, error in result.gather_errors.items():
            self.gather_errors.setdefault(rule, error)

    def reported(self, path: str) -> bool:
        """Findings in this file are reported (it was named or walked, and is not excluded)."""
        only = self.discovery.report_only
        return (only is None or path in only) and path not in self.discovery.excluded

    # the project-scoped checks ----------------------------------------------------------------
    def check(self) -> None:
        settings = self.settings
        for rule in sorted(self.first):  # the project-scoped rules that ran on a file
            error = self.gather_errors.get(rule)
            if error is None and rule not in self.gathered:
                continue  # no unit gave it an extract (its precondition left it out: pieces.py): it would find nothing
            if error is None:
                ctx = Context([], gathered={COLLECTORS[rule]: self.gathered.get(rule, [])})
                try:
                    hits: list[Hit] = list(CHECKS[rule](ctx, **settings.params(rule)))
                except Exception as exc:  # noqa: BLE001  (isolate a failing check: report it, keep going)
                    error = pieces.describe(exc)
            if error is not None:
                self.failed.add(rule)
                self.internal_errors += 1
                what = f"in {rule} ({settings.policies[rule].name}) while checking the whole run"
                self.findings.append(pieces.internal_error(settings, what, self.first[rule], error))
                continue
            self.findings += pieces.findings(settings, rule, hits)

    # suppressions -----------------------------------------------------------------------------
    def suppress(self) -> None:
        settings = self.settings
        suppressions: list[suppress.Suppression] = []
        problems: list[suppress.Problem] = []
        for _, found, trouble in sorted(self.comments, key=lambda entry: entry[0]):
            suppressions += found
            problems += trouble
        for found, trouble in self.annotations:
            suppressions += found
            problems += trouble
        if settings.configuration is not None:
            suppressions += settings.configuration.suppressions()
        today = settings.today
        if today is None and any(s.until is not None for s in suppressions):
            import datetime  # noqa: PLC0415  (cold start: most runs have no expiring suppression)

            today = datetime.date.today()
        suppress.apply(self.findings, suppressions, today)
        problems += suppress.stale(suppressions, today, self._judged, self._name)
        for problem in problems:
            path = problem.span.path
            if settings.is_enabled(problem.rule, path):
                self.findings.append(Finding(problem.span, problem.rule, self._name(problem.rule),
                                             settings.severity(problem.rule, path), problem.message, subject=path))

    def baseline_judge(self):
        """``judged(rule, path)`` for baseline entries (absolute paths): whether the run could have found the finding.

        On a reported file, the rule ran there; on a file that is gone, the run walked the directory that
        held it and the rule is enabled there.  A rule whose check failed judges nothing.
        """
        shown = {os.path.abspath(f): f for f in self.files if self.reported(f)}
        walked = [os.path.abspath(d) for d in self.discovery.walked]
        settings = self.settings

        def judged(rule: str, path: str) -> bool:
            if rule in self.failed:
                return False
            if path in shown:  # the tool's own rules (parse errors, suppressions) have no check: enabled is ran
                return rule in self.ran.get(shown[path], ()) or (
                    rule in BUILTIN and rule != "TDL999" and settings.is_enabled(rule, shown[path]))
            if os.path.exists(path):
                return False  # not linted this time
            return any(path.startswith(d.rstrip(os.sep) + os.sep) for d in walked) and settings.is_enabled(rule, path)

        return judged

    def _name(self, rule: str) -> str:
        policy = self.settings.policies.get(rule)
        return policy.name if policy else rule.lower()

    def _ran(self, rule: str, path: str) -> bool:
        return rule in self.ran.get(path, ())

    def _judged(self, suppression: suppress.Suppression, rule: str) -> bool:
        """Whether the rule ran (without failing) on a reported file the suppression covers."""
        if rule in self.failed:
            return False
        if suppression.kind == "config":
            covered = [f for f in self.files if self.reported(f) and suppression.paths(f)]
            if covered:
                return any(self._ran(rule, f) for f in covered)
            # it covers no file, and the run saw every file of its configuration's directory: it is stale
            directory = os.path.dirname(os.path.abspath(suppression.span.path))
            seen = any(directory == d or directory.startswith(d.rstrip(os.sep) + os.sep)
                       for d in map(os.path.abspath, self.discovery.walked))
            return seen and self.settings.is_enabled(rule, suppression.span.path)
        path = suppression.span.path
        return self._ran(rule, path) and self.reported(path)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    out: list[Finding] = []
    seen = set()
    for f in findings:
        key = (f.span, f.rule, f.message)
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out


__all__ = ["BUILTIN", "Report", "RunSettings", "Settings", "lint"]
