"""JUnit XML for CI systems that read test reports (GitLab ``artifacts:reports:junit``, Jenkins, Azure).

One ``<testsuite>`` per file read, one ``<testcase>`` per rule that found something in
that file (``classname`` the path, ``name`` the rule), one ``<failure>`` per finding
(its place and message, with help and related places in the body); a file without
findings has one passing test case, so the report counts every file checked.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

TYPE_CHECKING = False  # typing's, without importing typing (a one-file run: docs/benchmarks.md)
if TYPE_CHECKING:
    from ..report import Report
    from ..settings import RunSettings
    from . import Options

_CONTROL = {c: None for c in range(32) if c not in (9, 10, 13)}  # not allowed in XML 1.0


def _text(value: str) -> str:
    return escape(value.translate(_CONTROL))


def _attr(value) -> str:
    return quoteattr(str(value).translate(_CONTROL), {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def render(report: Report, settings: RunSettings, options: Options) -> str:
    by_file: dict[str, list] = {path: [] for path in report.files}
    for f in report.active:
        by_file.setdefault(f.span.path, []).append(f)
    suites = []
    total_tests = total_failures = 0
    for path, findings in by_file.items():
        by_rule: dict[str, list] = {}
        for f in findings:
            by_rule.setdefault(f.rule, []).append(f)
        cases = []
        for rule, rule_findings in by_rule.items():
            failures = "".join(_failure(f) for f in rule_findings)
            cases.append(f'    <testcase classname={_attr(path)} name={_attr(f"{rule} {rule_findings[0].name}")} '
                         f'file={_attr(path)}>\n{failures}    </testcase>\n')
        if not cases:
            cases.append(f'    <testcase classname={_attr(path)} name="no findings" file={_attr(path)}/>\n')
        tests, failed = len(cases), len(by_rule)  # failing test cases (a case holds one failure per finding)
        total_tests += tests
        total_failures += failed
        suites.append(f'  <testsuite name={_attr(path)} tests="{tests}" failures="{failed}" errors="0" skipped="0">\n'
                      + "".join(cases) + "  </testsuite>\n")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<testsuites name="tfdind-lint" tests="{total_tests}" failures="{total_failures}" errors="0">\n'
            + "".join(suites) + "</testsuites>\n")


def _failure(f) -> str:
    where = f"{f.span.path}:{f.span.line}:{f.span.column}"
    body = [f"{where}: {f.rule} {f.severity}: {f.message}"]
    body += [f"help: {text}" for text in f.hint.splitlines()]
    body += [f"{r.span.path}:{r.span.line}:{r.span.column}: {r.message}" for r in f.related]
    return (f"      <failure type={_attr(f.rule)} message={_attr(f'line {f.span.line}, column {f.span.column}: {f.message}')}>"
            f"{_text(chr(10).join(body))}</failure>\n")
