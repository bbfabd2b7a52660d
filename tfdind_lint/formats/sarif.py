"""SARIF 2.1.0 for GitHub code scanning and other SARIF consumers (ECOSYSTEM.md §2, §3, Appendix A).

Built from sarif-om's typed classes and written by ``to_sarif`` below, which
avoids sarif-om's pitfalls: it keeps an explicit ``level`` even when it equals
the schema default, drops ``None`` and sentinel defaults, renames attributes to
their SARIF names, and passes plain dicts (``properties``) through.
Suppressed and baselined findings are left out unless asked for (GitHub does
not honour SARIF suppressions); then comments and annotations are ``inSource``
suppressions, configuration entries and the baseline ``external`` ones.
TDL000 and files skipped are also tool execution notifications.
"""

from __future__ import annotations

import json
import os
from urllib.parse import quote

import attr
import sarif_om as om

from .. import __version__
from ..finding import Severity
from .fingerprint import Sources, fingerprint
from .links import information_uri, rule_url

TYPE_CHECKING = False  # typing's, without importing typing (a one-file run: docs/benchmarks.md)
if TYPE_CHECKING:
    from ..report import Report
    from ..settings import RunSettings
    from . import Options

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "tfdindLint/v1"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "note"}
_KEEP = {"level"}  # an explicit level must survive even when it equals the schema default


def to_sarif(obj):
    """sarif-om object -> plain JSON-ready data (see module docstring)."""
    if attr.has(type(obj)):
        out = {}
        for f in attr.fields(type(obj)):
            value = getattr(obj, f.name)
            if value is None:
                continue
            default = f.default.factory() if isinstance(f.default, attr.Factory) else f.default  # type: ignore[attr-defined]
            if default is not attr.NOTHING and value == default and f.name not in _KEEP:
                continue
            out[f.metadata.get("schema_property_name", f.name)] = to_sarif(value)
        return out
    if isinstance(obj, dict):
        return {k: to_sarif(v) for k, v in obj.items() if v is not None}
    if isinstance(obj, (list, tuple)):
        return [to_sarif(v) for v in obj]
    return obj


def artifact_uri(path: str) -> tuple[str, str | None]:
    """(uri, uriBaseId): relative paths against %SRCROOT%, absolute ones as file:// URIs."""
    if os.path.isabs(path):
        return "file://" + quote(path.replace(os.sep, "/")), None
    return quote(path.replace(os.sep, "/")), "%SRCROOT%"


def _location(span, message: str | None = None, location_id: int | None = None) -> om.Location:
    uri, base = artifact_uri(span.path)
    region = om.Region(start_line=max(span.line, 1), start_column=max(span.column, 1),
                       end_line=max(span.end_line, span.line, 1), end_column=max(span.end_column, 1))
    if region.end_line == region.start_line and region.end_column <= region.start_column:
        region.end_column = region.start_column + 1
    return om.Location(
        id=location_id,
        physical_location=om.PhysicalLocation(artifact_location=om.ArtifactLocation(uri=uri, uri_base_id=base),
                                              region=region),
        message=om.Message(text=message) if message else None,
    )


def _fix(fix) -> om.Fix:
    """A finding's fix: one artifact change per file, a replacement per edit (an empty region inserts)."""
    changes: dict[str, list] = {}
    for edit in fix.edits:
        span = edit.span
        region = om.Region(start_line=span.line, start_column=span.column, end_line=span.end_line,
                           end_column=span.end_column)
        changes.setdefault(span.path, []).append(
            om.Replacement(deleted_region=region, inserted_content=om.ArtifactContent(text=edit.text)))
    artifact_changes = []
    for path, replacements in changes.items():
        uri, base = artifact_uri(path)
        artifact_changes.append(om.ArtifactChange(artifact_location=om.ArtifactLocation(uri=uri, uri_base_id=base),
                                                  replacements=replacements))
    safety = "" if fix.safe else " (unsafe: applied with --unsafe-fixes)"
    return om.Fix(description=om.Message(text=fix.title + safety), artifact_changes=artifact_changes)


def _rule(policy) -> om.ReportingDescriptor:
    what = policy.help_section("What it does") or policy.summary
    tags = set(policy.tags) | ({"security"} if policy.security_severity else set())
    properties: dict = {"tags": sorted(tags) or ["iac"], "precision": policy.precision}
    if policy.security_severity:
        properties["security-severity"] = policy.security_severity
    else:
        properties["problem.severity"] = {"error": "error", "warning": "warning", "note": "recommendation"}[str(policy.severity)]
    sources = "\n".join(f"- [{s.title}]({s.url})" if s.url else f"- {s.title}" for s in policy.sources)
    markdown = f"{policy.help.strip()}\n" + (f"\n## Sources\n{sources}\n" if sources else "")
    return om.ReportingDescriptor(
        id=policy.id,
        name=policy.name,
        short_description=om.MultiformatMessageString(text=policy.summary),
        full_description=om.MultiformatMessageString(text=what[:1024]),
        help=om.MultiformatMessageString(text=markdown, markdown=markdown),
        help_uri=None if policy.custom else rule_url(policy.id, policy.name),
        default_configuration=om.ReportingConfiguration(level=_LEVELS[policy.severity]),
        properties=properties,
    )


def build(report: Report, settings: RunSettings, options: Options) -> dict:
    policies = settings.policies
    findings = [f for f in report.findings if f.suppressed is None or options.sarif_include_suppressed]
    rule_ids = sorted({rid for rid in policies if settings.is_enabled(rid)} | {f.rule for f in findings if f.rule in policies})
    index = {rid: i for i, rid in enumerate(rule_ids)}
    sources = Sources()
    seen: dict = {}
    results = []
    notifications = []
    for f in findings:
        if f.rule not in index:
            continue
        related = [_location(r.span, r.message, i + 1) for i, r in enumerate(f.related)]
        message = f.message + (f" ({'; '.join(f.hint.splitlines())})" if f.hint else "")
        fingerprints = {FINGERPRINT_KEY: fingerprint(f, sources.excerpt(f.span), seen)}
        line_hash = sources.line_hash(f.span.path, f.span.line)
        if line_hash:
            fingerprints["primaryLocationLineHash"] = line_hash
        result = om.Result(
            rule_id=f.rule, rule_index=index[f.rule], level=_LEVELS[f.severity], message=om.Message(text=message),
            locations=[_location(f.span)], related_locations=related or None, partial_fingerprints=fingerprints,
            properties={"subject": f.subject, "attribute": f.attribute} if f.subject or f.attribute else None,
        )
        if f.fix is not None:
            result.fixes = [_fix(f.fix)]
        if f.suppressed is not None:
            kind = "external" if f.suppressed.kind in ("config", "baseline") else "inSource"
            result.suppressions = [om.Suppression(kind=kind, justification=f.suppressed.reason)]
        results.append(result)
        if f.rule == "TDL000":
            notifications.append(om.Notification(
                message=om.Message(text=f"{f.span.path}: {f.message}"), level="warning",
                locations=[_location(f.span)], descriptor=om.ReportingDescriptorReference(id="TDL000"),
            ))
    for path, reason in report.skipped:  # files not read: a warning, as for a file that cannot be parsed
        notifications.append(om.Notification(message=om.Message(text=f"{path}: skipped: {reason}"), level="warning"))
    for f in report.findings:
        if f.rule == "TDL999":
            notifications.append(om.Notification(message=om.Message(text=f.message), level="error",
                                                 descriptor=om.ReportingDescriptorReference(id="TDL999")))
    run = om.Run(
        tool=om.Tool(driver=om.ToolComponent(
            name="tfdind-lint", version=__version__, semantic_version=__version__, information_uri=information_uri(),
            rules=[_rule(policies[rid]) for rid in rule_ids],
        )),
        invocations=[om.Invocation(execution_successful=report.internal_errors == 0,
                                   tool_execution_notifications=notifications or None)],
        results=results,
        column_kind="unicodeCodePoints",
        original_uri_base_ids={"%SRCROOT%": om.ArtifactLocation(
            description=om.Message(text="The directory tfdind-lint was run from."))},
        automation_details=om.RunAutomationDetails(id=options.sarif_category) if options.sarif_category else None,
    )
    log = om.SarifLog(version="2.1.0", schema_uri=SCHEMA_URI, runs=[run])
    data = to_sarif(log)
    # sarif-om names Suppression.status "state" (a pre-final name the schema rejects): write it ourselves
    for result in data["runs"][0]["results"]:
        for suppression in result.get("suppressions", ()):
            suppression["status"] = "accepted"
    data["runs"][0].setdefault("results", [])  # GitHub requires the array even when empty
    return data


def render(report: Report, settings: RunSettings, options: Options) -> str:
    return json.dumps(build(report, settings, options), indent=2, ensure_ascii=False) + "\n"
