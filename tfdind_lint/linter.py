"""files -> sources -> model -> checks -> suppressions -> baseline -> sorted findings."""

from __future__ import annotations

import datetime
import os
import traceback
from dataclasses import dataclass, field

from . import suppress
from .checks import BUILTIN, CHECKS, PROJECT_SCOPED
from .config import Configuration, Rules
from .context import Context, Unit
from .discover import Discovery, discover, display_path, is_terraform
from .finding import Finding, Hit, Severity
from .module import Module
from .node import Span
from .policy import Policy, builtin_policies, find_policy
from .sources import SourceError
from .sources.text import read_source
from .workload import from_manifest, from_module


@dataclass
class Settings:
    """What to run: the enabled rules, their severities and parameters.

    Without ``configuration`` the fields below apply to every file (the API's and
    the tests' simple form).  With one (config.py: configuration files plus the
    command line's selection) the rules are worked out per path and ``policies``
    is the configuration's, custom policies included.
    """

    policies: dict[str, Policy] = field(default_factory=builtin_policies)
    #: rule ids to run; None = every policy enabled by default
    enabled: set[str] | None = None
    severities: dict[str, Severity] = field(default_factory=dict)
    parameters: dict[str, dict] = field(default_factory=dict)
    configuration: Configuration | None = None
    #: recorded findings to leave out of the report (baseline.py)
    baseline: object = None
    #: the day ``until`` dates of suppressions are compared with (None: today)
    today: datetime.date | None = None

    def __post_init__(self):
        if self.configuration is not None:
            self.policies = self.configuration.policies
        self._plain: Rules | None = None

    def rules(self, path: str | None = None) -> Rules:
        if self.configuration is not None:
            return self.configuration.rules(path)
        if self._plain is None:
            enabled = self.enabled if self.enabled is not None else {r for r, p in self.policies.items() if p.enabled}
            self._plain = Rules(frozenset(enabled), dict(self.severities), dict(self.parameters))
        return self._plain

    def is_enabled(self, rule: str, path: str | None = None) -> bool:
        return rule in self.policies and rule in self.rules(path).enabled

    def severity(self, rule: str, path: str | None = None) -> Severity:
        return self.rules(path).severities.get(rule) or self.policies[rule].severity

    def configured_severity(self, rule: str, path: str | None = None) -> Severity | None:
        """A severity the configuration sets for the rule (it wins over a check's own choice)."""
        return self.rules(path).severities.get(rule)

    def params(self, rule: str, path: str | None = None) -> dict:
        return {**self.policies[rule].parameters, **self.rules(path).parameters.get(rule, {})}

    def excluded(self, path: str) -> bool:
        return self.configuration is not None and self.configuration.excluded(path)


@dataclass
class Report:
    findings: list[Finding]
    files: list[str]  # every file read
    skipped: list[tuple[str, str]] = field(default_factory=list)
    internal_errors: int = 0
    #: baseline entries whose finding is gone (fixed): the baseline can be written again
    baseline_stale: int = 0

    @property
    def active(self) -> list[Finding]:
        """Findings not suppressed (nor baselined)."""
        return [f for f in self.findings if f.suppressed is None]

    def silenced(self, kind: str | None = None) -> int:
        """How many findings are suppressed (of one kind: inline, file, annotation, config, baseline)."""
        return sum(1 for f in self.findings if f.suppressed is not None and (kind is None or f.suppressed.kind == kind))


def lint(paths: list[str], settings: Settings | None = None, discovery: Discovery | None = None) -> Report:
    """Lint files and directories; raises ``discover.UsageError`` for a path that does not exist.

    Nothing in one file can stop the run: a file that cannot be read or parsed is a
    TDL000 finding, and an exception in a check or in building the model is a TDL999
    finding naming the rule and the file (``Report.internal_errors`` makes the exit code 2).
    """
    settings = settings or Settings()
    discovery = discovery or discover(paths, exclude=settings.excluded if settings.configuration else None)
    if settings.configuration is not None:
        settings.configuration.load_for(discovery.files())
    run = _Run(settings, discovery)
    # a module directory with a .tf file not read (a FIFO, a link out of the root) misses declarations
    partial = {os.path.dirname(path) or "." for path, _ in discovery.skipped if is_terraform(path)}
    for directory, files in discovery.terraform.items():
        run.terraform_unit(directory, files, complete=directory not in partial)
    for path in discovery.yaml:
        run.yaml_unit(path)
    for path in discovery.toml:
        run.toml_unit(path)
    run.check()
    run.suppress()
    # an internal error is always shown: it explains the exit code
    findings = [f for f in run.findings if run.reported(f.span.path) or f.rule == "TDL999"]
    # files named on the command line: their module directories were read, only they are reported (nor excluded ones)
    files = [f for f in run.files if run.reported(f)]
    findings = _dedupe(sorted(findings, key=Finding.sort_key))
    stale = 0
    if settings.baseline is not None:
        stale = settings.baseline.apply(findings, {os.path.abspath(p) for p in files})
    return Report(findings, sorted(files), sorted(set(discovery.skipped + run.skipped)), run.internal_errors, stale)


_FAILED = object()


class _Run:
    def __init__(self, settings: Settings, discovery: Discovery):
        self.settings = settings
        self.discovery = discovery
        self.units: list[Unit] = []
        self.unit_files: dict[Unit, list[str]] = {}  # the first one is where an internal error in the unit is reported
        #: (rule, file) pairs a check ran on: only there can a suppression of the rule be called unused
        self.ran: set[tuple[str, str]] = set()
        self.failed: set[str] = set()  # rules whose check raised
        self.findings: list[Finding] = []
        self.files: list[str] = []
        self.skipped: list[tuple[str, str]] = []
        self.comments: dict[str, tuple[list, list[str]]] = {}  # path -> (comments, lines)
        self.internal_errors = 0

    # reading ----------------------------------------------------------------------------------
    def _parse(self, parse, path: str):
        """Read and parse one file: what ``parse`` returns, or ``_FAILED`` after reporting why (TDL000 / TDL999)."""
        try:
            return parse(path, read_source(path))
        except SourceError as error:
            self._parse_error(error)
        except Exception as exc:  # noqa: BLE001  (a reader bug on odd input must not stop the run)
            self._internal_error(f"while reading {path}", path, exc)
        return _FAILED

    def _parse_error(self, error: SourceError) -> None:
        span = error.span
        if not span.path:
            return
        self.findings.append(Finding(span, "TDL000", self._name("TDL000"), self.settings.severity("TDL000", span.path),
                                     error.message, subject=span.path))

    def _name(self, rule: str) -> str:
        policy = self.settings.policies.get(rule)
        return policy.name if policy else rule.lower()

    def terraform_unit(self, directory: str, paths: list[str], complete: bool = True) -> None:
        from .sources import terraform, terraform_json  # noqa: PLC0415  (hcl2 is imported only when Terraform is read)

        parsed = []
        for path in paths:
            self.files.append(path)
            reader = terraform_json if path.endswith(".tf.json") else terraform
            tf = self._parse(reader.parse_file, path)
            if tf is _FAILED:
                complete = False
                continue
            for error in tf.errors:
                self._parse_error(error)
            self.comments[path] = (tf.comments, tf.text.split("\n"))
            parsed.append(tf)
        unit = Unit(directory, complete=complete)
        self.unit_files[unit] = list(paths)
        try:
            unit.module = Module.build(directory, parsed)
            unit.module.lock = _lock_file(directory)
            unit.workloads = from_module(unit.module)
        except Exception as exc:  # noqa: BLE001  (a model bug must not lose other files' findings)
            self._internal_error(f"while building the model of the module {directory}", paths[0], exc)
            return
        self.units.append(unit)

    def yaml_unit(self, path: str) -> None:
        from .sources import kubernetes  # noqa: PLC0415

        yaml = self._parse(kubernetes.parse_file, path)
        if yaml is None:
            return  # not a Kubernetes manifest: skipped silently
        self.files.append(path)
        if yaml is _FAILED:
            return
        if yaml.skipped:
            self.skipped.append((path, yaml.skipped))
            return
        for error in yaml.errors:
            self._parse_error(error)
        self.comments[path] = (yaml.comments, yaml.text.split("\n"))
        unit = Unit(path, yaml=yaml)
        self.unit_files[unit] = [path]
        for document in yaml.documents:
            try:
                workload = from_manifest(document, path)
            except Exception as exc:  # noqa: BLE001
                self._internal_error("while building the model of a manifest", path, exc)
                continue
            if workload is not None:
                unit.workloads.append(workload)
        self.units.append(unit)

    def toml_unit(self, path: str) -> None:
        from .sources import toml  # noqa: PLC0415

        document = self._parse(toml.parse_file, path)
        if document is None:
            return  # not Bottlerocket user data: skipped silently
        self.files.append(path)
        if document is _FAILED:
            return
        self.comments[path] = (document.comments, document.text.split("\n"))
        unit = Unit(path, toml=document)
        self.unit_files[unit] = [path]
        self.units.append(unit)

    def reported(self, path: str) -> bool:
        """Findings in this file are reported (it was named or walked, and is not excluded)."""
        only = self.discovery.report_only
        return (only is None or path in only) and path not in self.discovery.excluded

    # checking ---------------------------------------------------------------------------------
    def _checks(self) -> dict:
        """Rule id -> check: the built-in ones, and the generic check each custom policy binds."""
        checks = dict(CHECKS)
        custom = [p for p in self.settings.policies.values() if p.custom]
        if custom:
            from .checks.custom import GENERIC  # noqa: PLC0415

            checks.update((p.id, GENERIC[p.check]) for p in custom)
        return checks

    def check(self) -> None:
        if not self.units:
            return
        project = Context(self.units)
        project.project = project
        settings = self.settings
        for rule, check in sorted(self._checks().items()):
            if rule not in settings.policies:
                continue
            policy = settings.policies[rule]
            if rule in PROJECT_SCOPED:
                files = [f for unit in self.units for f in self.unit_files[unit] if settings.is_enabled(rule, f)]
                if files:
                    self.ran.update((rule, f) for f in files)
                    self._run_check(rule, check, project, settings.params(rule), "the whole run", files[0])
                continue
            for unit in self.units:
                if policy.custom and _kind(unit) not in policy.files:
                    continue
                files = [f for f in self.unit_files[unit] if settings.is_enabled(rule, f)]
                if not files:
                    continue
                self.ran.update((rule, f) for f in files)
                where = f"the module {unit.path}" if unit.module is not None else unit.path
                self._run_check(rule, check, Context([unit], project), settings.params(rule, files[0]), where, files[0])

    def _run_check(self, rule: str, check, ctx: Context, params: dict, where: str, path: str) -> None:
        settings = self.settings
        policy = settings.policies[rule]
        try:
            hits: list[Hit] = list(check(ctx, **params))
        except Exception as exc:  # noqa: BLE001  (isolate a failing check: report it, keep going)
            self.failed.add(rule)
            self._internal_error(f"in {rule} ({policy.name}) while checking {where}", path, exc)
            return
        for hit in hits:
            path = hit.span.path
            if not settings.is_enabled(rule, path):
                continue  # an override turns the rule off for this file
            severity = settings.configured_severity(rule, path) or hit.severity or settings.severity(rule, path)
            self.findings.append(Finding(
                hit.span, rule, policy.name, severity, hit.message,
                subject=hit.subject, attribute=hit.attribute, related=hit.related, hint=hit.hint, owner=hit.owner,
            ))

    def _internal_error(self, what: str, path: str, exc: Exception) -> None:
        """A TDL999 finding on ``path`` (always a file): ``what`` failed with ``exc``."""
        self.internal_errors += 1
        frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
        location = f" at {os.path.basename(frame.filename)}:{frame.lineno}" if frame else ""
        self.findings.append(Finding(
            Span(path, 1, 1, 1, 2), "TDL999", self._name("TDL999"), Severity.ERROR,
            f"Internal error {what}: {type(exc).__name__}: {exc}{location}. Findings of this step are missing; "
            "other rules and files are unaffected. Please report this bug",
            subject=path,
        ))

    # suppressions -----------------------------------------------------------------------------
    def suppress(self) -> None:
        settings = self.settings
        policies = settings.policies

        def resolve(text: str) -> str | None:
            policy = find_policy(policies, text)
            return policy.id if policy else None

        suppressions: list[suppress.Suppression] = []
        problems: list[suppress.Problem] = []
        for path, (comments, lines) in sorted(self.comments.items()):
            try:
                found, trouble = suppress.parse_comments(comments, lines, resolve)
            except Exception as exc:  # noqa: BLE001  (isolate a failure: the other files' suppressions still apply)
                self._internal_error("while reading suppression comments", path, exc)
                continue
            suppressions += found
            problems += trouble
        for unit in self.units:
            key = settings.rules(self.unit_files[unit][0]).annotation
            try:
                annotations = [suppress.parse_annotation(node, region, resolve) for node, region in _annotations(unit, key)]
            except Exception as exc:  # noqa: BLE001
                self._internal_error("while reading suppression annotations", self.unit_files[unit][0], exc)
                continue
            for found, trouble in annotations:
                suppressions += found
                problems += trouble
        if settings.configuration is not None:
            suppressions += settings.configuration.suppressions()
        today = settings.today or datetime.date.today()
        suppress.apply(self.findings, suppressions, today)
        problems += suppress.stale(suppressions, today, self._judged, self._name)
        for problem in problems:
            path = problem.span.path
            if settings.is_enabled(problem.rule, path):
                self.findings.append(Finding(problem.span, problem.rule, self._name(problem.rule),
                                             settings.severity(problem.rule, path), problem.message, subject=path))

    def _judged(self, suppression: suppress.Suppression, rule: str) -> bool:
        """Whether the rule ran (without failing) on a reported file the suppression covers."""
        if rule in self.failed:
            return False
        if suppression.kind == "config":
            covered = [f for f in self.files if self.reported(f) and suppression.paths(f)]
            if covered:
                return any((rule, f) in self.ran for f in covered)
            # it covers no file, and the run saw every file of its configuration's directory: it is stale
            directory = os.path.dirname(os.path.abspath(suppression.span.path))
            seen = any(directory == d or directory.startswith(d.rstrip(os.sep) + os.sep)
                       for d in map(os.path.abspath, self.discovery.walked))
            return seen and self.settings.is_enabled(rule, suppression.span.path)
        path = suppression.span.path
        return (rule, path) in self.ran and self.reported(path)


def _kind(unit: Unit) -> str:
    """The kind of file a unit reads, as policies name them in ``files``."""
    return "terraform" if unit.module is not None else "yaml" if unit.yaml is not None else "toml"


def _annotations(unit: Unit, key: str):
    """(annotation value, object it covers) for every suppression annotation of a unit's Kubernetes objects."""
    seen: set[int] = set()
    if unit.yaml is not None:
        for document in unit.yaml.documents:
            node = document.get("metadata", "annotations", key)
            if node is not None:
                seen.add(id(node))
                yield node, document.span
    for workload in unit.workloads:
        region = workload.document.span if workload.origin == "kubernetes" else workload.resource.block.span
        for annotations in (workload.object_annotations, workload.annotations):
            node = annotations.get(key) if annotations is not None else None
            if node is not None and id(node) not in seen:
                seen.add(id(node))
                yield node, region


def _lock_file(directory: str):
    """The directory's ``.terraform.lock.hcl`` (the provider versions ``terraform init`` chose), if it reads.

    It is not one of the files linted: a lock file that does not parse is simply not used.
    """
    from .sources import terraform  # noqa: PLC0415

    path = display_path(os.path.join(directory, ".terraform.lock.hcl"))
    if not os.path.lexists(path):
        return None
    try:
        return terraform.parse_file(path, read_source(path))  # read_source: a FIFO named so must not block
    except SourceError:
        return None


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


__all__ = ["BUILTIN", "Report", "Settings", "lint"]
