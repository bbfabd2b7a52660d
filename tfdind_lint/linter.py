"""files -> sources -> model -> checks -> suppressions -> sorted findings."""

from __future__ import annotations

import os
import traceback
from dataclasses import dataclass, field

from . import suppress
from .checks import BUILTIN, CHECKS, PROJECT_SCOPED
from .context import Context, Unit
from .discover import Discovery, discover, display_path
from .finding import Finding, Hit, Severity
from .module import Module
from .node import Span
from .policy import Policy, builtin_policies, find_policy
from .sources import SourceError
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
    """Lint files and directories; raises ``discover.UsageError`` for a path that does not exist."""
    settings = settings or Settings()
    discovery = discovery or discover(paths)
    run = _Run(settings)
    for directory, files in discovery.terraform.items():
        run.terraform_unit(directory, files)
    for path in discovery.yaml:
        run.yaml_unit(path)
    for path in discovery.toml:
        run.toml_unit(path)
    run.check()
    run.suppress()
    findings = run.findings
    files = run.files
    if discovery.report_only is not None:
        # files named on the command line: their module directories were read, only they are reported
        findings = [f for f in findings if f.span.path in discovery.report_only]
        files = [f for f in files if f in discovery.report_only]
    findings = _dedupe(sorted(findings, key=Finding.sort_key))
    return Report(findings, sorted(files), discovery.skipped + run.skipped, run.internal_errors)


class _Run:
    def __init__(self, settings: Settings):
        self.settings = settings
        self.units: list[Unit] = []
        self.findings: list[Finding] = []
        self.files: list[str] = []
        self.skipped: list[tuple[str, str]] = []
        self.comments: dict[str, tuple[list, list[str]]] = {}  # path -> (comments, lines)
        self.internal_errors = 0

    # reading ----------------------------------------------------------------------------------
    def _read(self, path: str) -> bytes | None:
        try:
            with open(path, "rb") as handle:
                return handle.read()
        except OSError as exc:
            self._parse_error(SourceError(f"cannot read the file: {exc.strerror or exc}", Span(path, 1, 1, 1, 1)))
            return None

    def _parse_error(self, error: SourceError) -> None:
        span = error.span
        if not span.path:
            return
        self.findings.append(Finding(span, "TDL000", self._name("TDL000"), self.settings.severity("TDL000"), error.message,
                                     subject=span.path))

    def _name(self, rule: str) -> str:
        policy = self.settings.policies.get(rule)
        return policy.name if policy else rule.lower()

    def terraform_unit(self, directory: str, paths: list[str]) -> None:
        from .sources import terraform, terraform_json  # noqa: PLC0415  (hcl2 is imported only when Terraform is read)

        parsed = []
        complete = True
        for path in paths:
            self.files.append(path)
            data = self._read(path)
            if data is None:
                complete = False
                continue
            reader = terraform_json if path.endswith(".tf.json") else terraform
            try:
                tf = reader.parse_file(path, data)
            except SourceError as error:
                self._parse_error(error)
                complete = False
                continue
            for error in tf.errors:
                self._parse_error(error)
            self.comments[path] = (tf.comments, tf.text.split("\n"))
            parsed.append(tf)
        module = Module.build(directory, parsed)
        module.lock = _lock_file(directory)
        unit = Unit(directory, module=module, complete=complete)
        try:
            unit.workloads = from_module(module)
        except Exception as exc:  # noqa: BLE001  (a model bug must not lose other files' findings)
            self._internal_error("model", directory, exc)
        self.units.append(unit)

    def yaml_unit(self, path: str) -> None:
        from .sources import kubernetes  # noqa: PLC0415

        data = self._read(path)
        if data is None:
            self.files.append(path)
            return
        try:
            yaml = kubernetes.parse_file(path, data)
        except SourceError as error:
            self.files.append(path)
            self._parse_error(error)
            return
        if yaml is None:
            return  # not a Kubernetes manifest: skipped silently
        self.files.append(path)
        if yaml.skipped:
            self.skipped.append((path, yaml.skipped))
            return
        for error in yaml.errors:
            self._parse_error(error)
        self.comments[path] = (yaml.comments, yaml.text.split("\n"))
        unit = Unit(path, yaml=yaml)
        for document in yaml.documents:
            try:
                workload = from_manifest(document, path)
            except Exception as exc:  # noqa: BLE001
                self._internal_error("model", path, exc)
                continue
            if workload is not None:
                unit.workloads.append(workload)
        self.units.append(unit)

    def toml_unit(self, path: str) -> None:
        from .sources import toml  # noqa: PLC0415

        data = self._read(path)
        if data is None:
            self.files.append(path)
            return
        try:
            document = toml.parse_file(path, data)
        except SourceError as error:
            self.files.append(path)
            self._parse_error(error)
            return
        if document is None:
            return  # not Bottlerocket user data: skipped silently
        self.files.append(path)
        self.comments[path] = (document.comments, document.text.split("\n"))
        self.units.append(Unit(path, toml=document))

    # checking ---------------------------------------------------------------------------------
    def check(self) -> None:
        project = Context(self.units)
        project.project = project
        for rule, check in sorted(CHECKS.items()):
            if not self.settings.is_enabled(rule) or rule not in self.settings.policies:
                continue
            params = self.settings.params(rule)
            if rule in PROJECT_SCOPED:
                self._run_check(rule, check, project, params, "the whole run")
                continue
            for unit in self.units:
                self._run_check(rule, check, Context([unit], project), params, unit.path)

    def _run_check(self, rule: str, check, ctx: Context, params: dict, where: str) -> None:
        policy = self.settings.policies[rule]
        severity = self.settings.severity(rule)
        try:
            hits: list[Hit] = list(check(ctx, **params))
        except Exception as exc:  # noqa: BLE001  (isolate a failing check: report it, keep going)
            self._internal_error(rule, where, exc)
            return
        for hit in hits:
            self.findings.append(Finding(
                hit.span, rule, policy.name, hit.severity or severity, hit.message,
                subject=hit.subject, attribute=hit.attribute, related=hit.related, hint=hit.hint, owner=hit.owner,
            ))

    def _internal_error(self, rule: str, where: str, exc: Exception) -> None:
        self.internal_errors += 1
        frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
        location = f" at {frame.filename.rsplit('/', 1)[-1]}:{frame.lineno}" if frame else ""
        path = where if "/" in where or where.endswith((".tf", ".yaml", ".yml")) else where
        self.findings.append(Finding(
            Span(path, 1, 1, 1, 1), "TDL999", "internal-error", Severity.ERROR,
            f"internal error in {rule} while checking {where}: {type(exc).__name__}: {exc}{location}; "
            "other findings are complete, please report this",
            subject=where,
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
            suppressions, problems = suppress.parse(comments, lines, resolve)
            suppress.apply(by_path.get(path, []), suppressions)
            if self.settings.is_enabled("TDL900") and "TDL900" in policies:
                for problem in problems:
                    self.findings.append(Finding(problem.span, "TDL900", self._name("TDL900"),
                                                 self.settings.severity("TDL900"), problem.message, subject=path))


def _lock_file(directory: str):
    """The directory's ``.terraform.lock.hcl`` (the provider versions ``terraform init`` chose), if it reads.

    It is not one of the files linted: a lock file that does not parse is simply not used.
    """
    from .sources import terraform  # noqa: PLC0415

    path = display_path(os.path.join(directory, ".terraform.lock.hcl"))
    try:
        with open(path, "rb") as handle:
            return terraform.parse_file(path, handle.read())
    except (OSError, SourceError):
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
