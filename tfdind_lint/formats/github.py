"""GitHub Actions: workflow-command annotations, and a step summary (ECOSYSTEM.md §7).

One ``::error`` / ``::warning`` / ``::notice`` line per active finding, escaped
the way @actions/core escapes (``escape_data`` / ``escape_property``), then the
text format's summary line.  GitHub shows only the first ten annotations of each
level per step, so when ``GITHUB_STEP_SUMMARY`` names a file a Markdown table of
findings per rule and per file is appended to it as well.

``file=`` is relative to ``GITHUB_WORKSPACE`` (the repository root) when the
file is inside it.  Rule names link to ``docs/rules.md`` at
``$TFDIND_LINT_RULES_URL`` when set, else in the repository and ref of the
action that runs the tool (``GITHUB_ACTION_REPOSITORY`` / ``GITHUB_ACTION_REF``;
the composite action fills these in, the runner leaves them empty there).
"""

from __future__ import annotations

import os
import sys
from urllib.parse import quote

from ..finding import Severity
from .text import summary

TYPE_CHECKING = False  # typing's, without importing typing (a one-file run: docs/benchmarks.md)
if TYPE_CHECKING:
    from ..report import Report
    from ..settings import RunSettings
    from . import Options

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "notice"}
ANNOTATIONS_SHOWN = 10  # per level and step; the rest is only in the log


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def repo_path(path: str, workspace: str | None) -> str:
    """The path relative to the repository root (``GITHUB_WORKSPACE``) when it is inside it."""
    if workspace:
        relative = os.path.relpath(os.path.realpath(path), os.path.realpath(workspace))
        if relative.split(os.sep)[0] != "..":
            return relative.replace(os.sep, "/")
    return path


def annotation(finding, workspace: str | None = None) -> str:
    span = finding.span
    properties: dict[str, object] = {}
    if finding.rule != "TDL999":  # an internal error is about the run, not a place in a file
        properties = {"file": repo_path(span.path, workspace), "line": span.line, "col": span.column,
                      "endLine": span.end_line, "endColumn": span.end_column}
        if span.end_line != span.line:
            # the runner drops columns on a range over several lines
            del properties["col"], properties["endColumn"]
    properties["title"] = f"tfdind-lint {finding.rule} {finding.name}"
    # the place is in the properties, which the annotation and the log show: the body names only other places
    lines = [f"{finding.rule} {finding.message}"]
    lines += [f"help: {text}" for text in finding.hint.splitlines()]
    lines += [f"{r.span.path}:{r.span.line}:{r.span.column}: {r.message}" for r in finding.related]
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    message = "\n".join(lines)
    return f"::{LEVELS[finding.severity]} {props}::{escape_data(message)}"


def render(report: Report, settings: RunSettings, options: Options) -> str:
    environ = os.environ
    workspace = environ.get("GITHUB_WORKSPACE")
    lines = [annotation(f, workspace) for f in report.active]
    lines.append(summary(report))
    summary_file = environ.get("GITHUB_STEP_SUMMARY")
    if summary_file:
        try:
            with open(summary_file, "a", encoding="utf-8", newline="\n") as handle:
                handle.write(step_summary(report, environ))
        except OSError as exc:
            sys.stderr.write(f"tfdind-lint: warning: cannot write the step summary {summary_file}: "
                             f"{exc.strerror or exc}\n")
    return "\n".join(lines) + "\n"


# step summary ---------------------------------------------------------------------------------

_MARKDOWN_SPECIAL = set("\\`*_{}[]()<>#+!|~$&")


def _md(text: str) -> str:
    """Text for a Markdown table cell or link text: every special character escaped."""
    return "".join("\\" + c if c in _MARKDOWN_SPECIAL else c for c in text)


def rules_page(environ) -> str | None:
    """Where docs/rules.md is, or None when no repository is known."""
    explicit = environ.get("TFDIND_LINT_RULES_URL")
    if explicit:
        return explicit
    repository, ref = environ.get("GITHUB_ACTION_REPOSITORY"), environ.get("GITHUB_ACTION_REF")
    if repository and ref:
        server = environ.get("GITHUB_SERVER_URL") or "https://github.com"
        return f"{server}/{repository}/blob/{quote(ref)}/docs/rules.md"
    return None


def _file_url(path: str, environ) -> str | None:
    repository, sha = environ.get("GITHUB_REPOSITORY"), environ.get("GITHUB_SHA")
    if not repository or not sha or path.startswith("/"):
        return None
    server = environ.get("GITHUB_SERVER_URL") or "https://github.com"
    return f"{server}/{repository}/blob/{sha}/{quote(path)}"


def _link(text: str, url: str | None) -> str:
    return f"[{_md(text)}]({url})" if url else _md(text)


def step_summary(report, environ) -> str:
    """Markdown for ``$GITHUB_STEP_SUMMARY``: totals, then findings per rule and per file."""
    active = report.active
    out = ["## tfdind-lint", "", summary(report)]
    if not active:
        return "\n".join(out) + "\n\n"
    out.append("")
    counts = {level: sum(1 for f in active if LEVELS[f.severity] == level) for level in LEVELS.values()}
    if any(n > ANNOTATIONS_SHOWN for n in counts.values()):
        out += [f"GitHub shows only the first {ANNOTATIONS_SHOWN} annotations of each level in a step; "
                "every finding is listed in the step's log.", ""]
    page = rules_page(environ)
    out += ["| Rule | Severity | Findings |", "|---|---|---:|"]
    by_rule: dict[str, list] = {}
    for f in active:
        by_rule.setdefault(f.rule, []).append(f)
    for rule, findings in sorted(by_rule.items()):
        name = findings[0].name
        url = f"{page}#{rule.lower()}-{name.lower()}" if page else None
        severities = ", ".join(str(s) for s in sorted({f.severity for f in findings}, reverse=True))
        out.append(f"| {_link(f'{rule} {name}', url)} | {severities} | {len(findings)} |")
    out += ["", "| File | Errors | Warnings | Notes |", "|---|---:|---:|---:|"]
    workspace = environ.get("GITHUB_WORKSPACE")
    by_file: dict[str, list] = {}
    for f in active:
        if f.rule != "TDL999":
            by_file.setdefault(repo_path(f.span.path, workspace), []).append(f)
    for path, findings in sorted(by_file.items()):
        n = [sum(1 for f in findings if f.severity == s) for s in (Severity.ERROR, Severity.WARNING, Severity.NOTE)]
        out.append(f"| {_link(path, _file_url(path, environ))} | {n[0]} | {n[1]} | {n[2]} |")
    if page is None:
        out += ["", "`tfdind-lint explain TDLnnn` prints a rule's documentation."]
    return "\n".join(out) + "\n\n"  # a blank line ends the table before the next step's summary
