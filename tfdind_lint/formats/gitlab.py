"""GitLab Code Quality: the JSON array the merge-request widget reads (``artifacts:reports:codequality``).

Each active finding is one issue with the fields GitLab reads: ``description`` (the
rule and message), ``check_name`` (the rule id), ``fingerprint`` (the SARIF
fingerprint: unique within the report, stable when lines move), ``severity``
(error -> critical, warning -> major, note -> minor; an internal error -> blocker)
and ``location.path`` (relative to the repository root, ``$CI_PROJECT_DIR`` when set,
never ``./``-prefixed) with ``location.lines.begin``.  docs/integrations.md shows the job.
"""

from __future__ import annotations

import json
import os

from ..finding import Severity
from .fingerprint import Sources, fingerprint

TYPE_CHECKING = False  # typing's, without importing typing (a one-file run: docs/benchmarks.md)
if TYPE_CHECKING:
    from ..report import Report
    from ..settings import RunSettings
    from . import Options

SEVERITIES = {Severity.ERROR: "critical", Severity.WARNING: "major", Severity.NOTE: "minor"}


def repo_path(path: str, root: str | None) -> str:
    """``path`` relative to ``root`` (default: the working directory) when inside it, with ``/`` separators."""
    base = os.path.realpath(root or os.getcwd())
    relative = os.path.relpath(os.path.realpath(path), base) if os.path.isabs(path) or root else os.path.normpath(path)
    if relative.split(os.sep)[0] == "..":
        relative = path
    return relative.replace(os.sep, "/")


def issues(report, root: str | None = None) -> list[dict]:
    sources = Sources()
    seen: dict = {}
    out = []
    for f in report.active:
        out.append({
            "description": f"{f.rule} {f.message}",
            "check_name": f.rule,
            "fingerprint": fingerprint(f, sources.excerpt(f.span), seen),
            "severity": "blocker" if f.rule == "TDL999" else SEVERITIES[f.severity],
            "location": {"path": repo_path(f.span.path, root), "lines": {"begin": max(f.span.line, 1)}},
        })
    return out


def render(report: Report, settings: RunSettings, options: Options) -> str:
    return json.dumps(issues(report, os.environ.get("CI_PROJECT_DIR")), indent=2, ensure_ascii=False) + "\n"
