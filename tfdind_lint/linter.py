"""files -> sources -> model -> checks -> suppressions -> sorted findings."""

from __future__ import annotations

import os
import traceback
from dataclasses import dataclass, field

from . import suppress
from .checks import BUILTIN, CHECKS, PROJECT_SCOPED
from .context import Context, Unit
from .discover import Discovery, discover, is_terraform
from .finding import Finding, Hit, Severity
from .module import Module
from .node import Span
from .policy import Policy, builtin_policies, find_policy
from .sources import SourceError
from .sources.text import read_source
from .workload import from_manifest, from_module


@dataclass
class Settings:
    """What to run: the enabled rules, their severities and parameters (config files feed this)."""

    policies: dict[str, Policy] = field(default_factory=builtin_policies)
    #: rule ids to run; None = every policy enabled by default
    enabled: set[str] | None = None
    severities: dict[str, Severity] = field(default_factory=dict)
    parameters: dict[str, dict] = field(default_factory=dict)

    def is_enabled(self, rule: str) -> bool:
        if self.enabled is not None:
            return rule in self.enabled
        policy = self.policies.get(rule)
        return policy is not None and policy.enabled

    def severity(self, rule: str) -> Severity:
        return self.severities.get(rule) or self.policies[rule].severity

    def params(self, rule: str) -> dict:
        return {**self.policies[rule].parameters, **self.parameters.get(rule, {})}


@dataclass
class Report:
    findings: list[Finding]
    files: list[str]  # every file read
    skipped: list[tuple[str, str]] = field(default_factory=list)
    internal_errors: int = 0

    @property
    def active(self) -> list[Finding]:
        """Findings not suppressed."""
        return [f for f in self.findings if f.suppressed is None]


def lint(paths: list[str], settings: Settings | None = None, discovery: Discovery | None = None) -> Report:
    """Lint files and directories; raises ``discover.UsageError`` for a path that does not exist.

    Nothing in one file can stop the run: a file that cannot be read or parsed is a
    TDL000 finding, and an exception in a check or in building the model is a TDL999
    finding naming the rule and the file (``Report.internal_errors`` makes the exit code 2).
    """
    settings = settings or Settings()
    discovery = discovery or discover(paths)
    run = _Run(settings)
    # a module directory with a .tf file not read (a FIFO, a link out of the root) misses declarations
    partial = {os.path.dirname(path) or "." for path, _ in discovery.skipped if is_terraform(path)}
    for directory, files in discovery.terraform.items():
        run.terraform_unit(directory, files, complete=directory not in partial)
    for path in discovery.yaml:
        run.yaml_unit(path)
    run.check()
    run.suppress()
    findings = run.findings
    if discovery.report_only is not None:  # an internal error is always shown: it explains the exit code
        findings = [f for f in findings if f.span.path in discovery.report_only or f.rule == "TDL999"]
    findings = _dedupe(sorted(findings, key=Finding.sort_key))
    return Report(findings, sorted(run.files), sorted(set(discovery.skipped + run.skipped)), run.internal_errors)


_FAILED = object()


class _Run:
    def __init__(self, settings: Settings):
        self.settings = settings
        self.units: list[Unit] = []
        self.unit_file: dict[Unit, str] = {}  # the file an internal error in a unit is reported on
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
        self.findings.append(Finding(span, "TDL000", self._name("TDL000"), self.settings.severity("TDL000"), error.message,
                                     subject=span.path))

    def _name(self, rule: str) -> str:
        policy = self.settings.policies.get(rule)
        return policy.name if policy else rule.lower()

    def terraform_unit(self, directory: str, paths: list[str], complete: bool = True) -> None:
        from .sources import terraform  # noqa: PLC0415  (hcl2 is imported only when Terraform is read)

        parsed = []
        for path in paths:
            self.files.append(path)
            tf = self._parse(terraform.parse_file, path)
            if tf is _FAILED:
                complete = False
                continue
            for error in tf.errors:
                self._parse_error(error)
            self.comments[path] = (tf.comments, tf.text.split("\n"))
            parsed.append(tf)
        unit = Unit(directory, complete=complete)
        self.unit_file[unit] = paths[0]
        try:
            unit.module = Module.build(directory, parsed)
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
        self.unit_file[unit] = path
        for document in yaml.documents:
            try:
                workload = from_manifest(document, path)
            except Exception as exc:  # noqa: BLE001
                self._internal_error("while building the model of a manifest", path, exc)
                continue
            if workload is not None:
                unit.workloads.append(workload)
        self.units.append(unit)

    # checking ---------------------------------------------------------------------------------
    def check(self) -> None:
        if not self.units:
            return
        project = Context(self.units)
        project.project = project
        for rule, check in sorted(CHECKS.items()):
            if not self.settings.is_enabled(rule) or rule not in self.settings.policies:
                continue
            params = self.settings.params(rule)
            if rule in PROJECT_SCOPED:
                self._run_check(rule, check, project, params, "the whole run", self.unit_file[self.units[0]])
                continue
            for unit in self.units:
                where = f"the module {unit.path}" if unit.module is not None else unit.path
                self._run_check(rule, check, Context([unit], project), params, where, self.unit_file[unit])

    def _run_check(self, rule: str, check, ctx: Context, params: dict, where: str, path: str) -> None:
        policy = self.settings.policies[rule]
        severity = self.settings.severity(rule)
        try:
            hits: list[Hit] = list(check(ctx, **params))
        except Exception as exc:  # noqa: BLE001  (isolate a failing check: report it, keep going)
            self._internal_error(f"in {rule} ({policy.name}) while checking {where}", path, exc)
            return
        for hit in hits:
            self.findings.append(Finding(
                hit.span, rule, policy.name, hit.severity or severity, hit.message,
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
        policies = self.settings.policies

        def resolve(text: str) -> str | None:
            policy = find_policy(policies, text)
            return policy.id if policy else None

        by_path: dict[str, list[Finding]] = {}
        for finding in self.findings:
            by_path.setdefault(finding.span.path, []).append(finding)
        for path, (comments, lines) in sorted(self.comments.items()):
            try:
                suppressions, problems = suppress.parse(comments, lines, resolve)
                suppress.apply(by_path.get(path, []), suppressions)
            except Exception as exc:  # noqa: BLE001
                self._internal_error("while reading suppression comments", path, exc)
                continue
            if self.settings.is_enabled("TDL900") and "TDL900" in policies:
                for problem in problems:
                    self.findings.append(Finding(problem.span, "TDL900", self._name("TDL900"),
                                                 self.settings.severity("TDL900"), problem.message, subject=path))


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
