"""``--fix`` / ``--diff``: lint, apply the fixes of the findings the selection allows, re-lint, repeat; then write.

Each pass applies, file by file, the fixes that do not overlap (fix.apply); the files are then
re-linted in memory (``lint(..., overlay=)``) and the next pass takes what is left, until nothing
changes or ``MAX_PASSES``.  Never fixed: suppressed or baselined findings, findings in files that
did not parse (a TDL000 finding), in files not linted, or whose result would not parse with the
tool's own parser.  Files are written only at the end, each through a checked atomic write
(writes.replace_source), and only when asked (``--diff`` writes nothing).
"""

from __future__ import annotations

import os

from .fix import FixSelection, apply
from .record import Record

#: More passes than any chain of overlapping fixes needs; a fix that keeps coming back stops here.
MAX_PASSES = 10


class Outcome(Record):
    """What --fix did in memory: the lint of the result, how many findings it fixed, the files it changed."""

    _fields = ("report", "fixed", "changed", "refused")

    def __init__(self, report, fixed: int = 0, changed: dict[str, tuple[bytes, bytes]] | None = None,
                 refused: list[tuple[str, str]] | None = None):
        self.report = report  # linter.Report over the fixed text: what remains
        self.fixed = fixed
        #: path -> (original bytes, fixed bytes), for the files that changed
        self.changed = {} if changed is None else changed
        #: (path, why) for files whose fixes were not applied (the result would not parse)
        self.refused = [] if refused is None else refused


def fixable(report, selection: FixSelection) -> list:
    """The findings of a report whose fix would be applied with this selection."""
    broken = _broken(report)
    files = set(report.files)
    return [f for f in report.findings if selection.allows(f) and f.span.path in files and f.span.path not in broken]


def fix(paths: list[str], settings, discovery=None, selection: FixSelection | None = None, *, jobs=1, cache=None,
        progress=None, report=None) -> Outcome:
    """Apply fixes in memory until nothing changes; ``Outcome.report`` is the lint of the result.  Writes nothing."""
    selection = FixSelection() if selection is None else selection
    from .linter import lint  # noqa: PLC0415
    from .sources.text import read_source  # noqa: PLC0415

    if report is None:
        report = lint(paths, settings, discovery, jobs=jobs, cache=cache, progress=progress)
    outcome = Outcome(report)
    first = report
    fixed_rules: set[str] = set()
    current: dict[str, bytes] = {}
    original: dict[str, bytes] = {}
    refused: set[str] = set()
    seen: set[tuple[str, bytes]] = set()
    for _ in range(MAX_PASSES):
        by_path: dict[str, list] = {}
        for finding in fixable(report, selection):
            if finding.span.path not in refused and all(e.span.path == finding.span.path for e in finding.fix.edits):
                by_path.setdefault(finding.span.path, []).append(finding)
        changed = False
        for path, findings in by_path.items():
            try:
                data = current[path] if path in current else read_source(path)
            except Exception:  # noqa: BLE001  (gone or unreadable since the lint: not fixed)
                continue
            original.setdefault(path, data)
            findings.sort(key=lambda f: (min(e.span[1:] for e in f.fix.edits), f.sort_key()))
            try:
                result, applied = apply(data, [f.fix for f in findings])
            except UnicodeDecodeError:
                continue  # not UTF-8 (a UTF-16 file): left as it is
            if not applied or result == data or (path, result) in seen:
                continue
            problem = parse_problem(path, result)
            if problem is not None:
                refused.add(path)
                outcome.refused.append((path, problem))
                continue
            seen.add((path, result))
            current[path] = result
            fixed_rules.update(f.rule for f in findings if f.fix in applied)
            changed = True
        if not changed:
            break
        report = lint(paths, settings, discovery, overlay=current)
    outcome.report = report
    # findings fixed: of each rule a fix was applied for, how many fewer the result has (one declaration
    # added may fix several findings; the lines of the others moved, so they are counted, not matched)
    before, after = _counts(first), _counts(report)
    outcome.fixed = sum(max(0, before[rule] - after[rule]) for rule in fixed_rules)
    outcome.changed = {path: (original[path], data) for path, data in current.items()
                       if data != original[path] and path not in refused}
    return outcome


def write(outcome: Outcome) -> list[tuple[str, str]]:
    """Write the changed files (checked, atomic); (path, why) for each that could not be written."""
    from .writes import WriteError, replace_source  # noqa: PLC0415

    failed = []
    for path, (before, after) in outcome.changed.items():
        try:
            replace_source(path, after, before)
        except (OSError, WriteError) as exc:
            failed.append((path, str(exc) if isinstance(exc, WriteError) else (exc.strerror or str(exc))))
    return failed


def diff(outcome: Outcome) -> str:
    """A unified diff of every change (``--diff``)."""
    import difflib  # noqa: PLC0415  (only for --diff)

    out = []
    for path in sorted(outcome.changed):
        before, after = (data.decode("utf-8", "replace") for data in outcome.changed[path])
        shown = path.replace(os.sep, "/")
        out += difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                    f"a/{shown.lstrip('/')}", f"b/{shown.lstrip('/')}")
        if out and not out[-1].endswith(("\n", "\r")):
            out[-1] += "\n\\ No newline at end of file\n"
    return "".join(out)


def parse_problem(path: str, data: bytes) -> str | None:
    """Why the tool's own parser rejects ``data`` as the content of ``path``, or None when it reads it cleanly."""
    from .sources import SourceError  # noqa: PLC0415

    try:
        if path.endswith(".tf.json"):
            from .sources import terraform_json  # noqa: PLC0415

            errors = terraform_json.parse_file(path, data).errors
        elif path.endswith(".tf"):
            from .sources import terraform  # noqa: PLC0415

            errors = terraform.parse_file(path, data).errors
        elif path.endswith(".toml"):
            from .sources import toml  # noqa: PLC0415

            parsed = toml.parse_file(path, data)
            errors = getattr(parsed, "errors", []) if parsed is not None else []
        else:
            from .sources import kubernetes  # noqa: PLC0415

            parsed = kubernetes.parse_file(path, data)
            errors = parsed.errors if parsed is not None else []
    except SourceError as error:
        return f"{error.span.line}:{error.span.column}: {error.message}"
    if errors:
        return f"{errors[0].span.line}:{errors[0].span.column}: {errors[0].message}"
    return None


def _counts(report) -> dict:
    import collections  # noqa: PLC0415

    return collections.Counter(f.rule for f in report.active)


def _broken(report) -> set[str]:
    """Files that did not parse (a TDL000 finding): never touched."""
    return {f.span.path for f in report.findings if f.rule == "TDL000"}
