"""The JSON report: a stable, documented shape (docs/json-format.md).

Every finding is listed, suppressed and baselined ones included and marked with
their kind and reason.
Keys never disappear: an absent value is ``null`` or an empty list.
"""

from __future__ import annotations

import json

from .. import __version__

TYPE_CHECKING = False  # typing's, without importing typing (a one-file run: docs/benchmarks.md)
if TYPE_CHECKING:
    from ..report import Report
    from ..settings import RunSettings
    from . import Options

SCHEMA_VERSION = 1


def _span(span) -> dict:
    return {"path": span.path, "line": span.line, "column": span.column,
            "end_line": span.end_line, "end_column": span.end_column}


def finding_dict(f) -> dict:
    return {
        "rule": f.rule,
        "name": f.name,
        "severity": str(f.severity),
        "message": f.message,
        "hint": f.hint or None,
        **_span(f.span),
        "subject": f.subject,
        "attribute": f.attribute,
        "related": [{**_span(r.span), "message": r.message} for r in f.related],
        "suppressed": _suppressed(f.suppressed),
        "fix": _fix(f.fix),
    }


def _fix(fix) -> dict | None:
    if fix is None:
        return None
    return {"title": fix.title, "safety": fix.safety,
            "edits": [{**_span(e.span), "text": e.text} for e in fix.edits]}


def _suppressed(s) -> dict | None:
    if s is None:
        return None
    return {"kind": s.kind, "reason": s.reason, "location": _span(s.span) if s.span else None, "until": s.until}


def render(report: Report, settings: RunSettings, options: Options) -> str:
    active = report.active
    document = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "tfdind-lint", "version": __version__},
        "findings": [finding_dict(f) for f in report.findings],
        "summary": {
            "files": len(report.files),
            "findings": len(active),
            "errors": sum(1 for f in active if str(f.severity) == "error"),
            "warnings": sum(1 for f in active if str(f.severity) == "warning"),
            "notes": sum(1 for f in active if str(f.severity) == "note"),
            "suppressed": report.silenced() - report.silenced("baseline"),
            "baselined": report.silenced("baseline"),
            "baseline_stale": report.baseline_stale,
        },
        "skipped": [{"path": path, "reason": reason} for path, reason in report.skipped],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
