"""``path:line:col: TDLnnn message`` (ruff's concise shape), related places, and a summary line.

Files not read are counted in the summary; ``--verbose`` lists them with the reason.
"""

from __future__ import annotations

from ..finding import Severity

_COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.NOTE: "\033[36m"}
_BOLD = "\033[1m"
_DIM = "\033[2m"
_RESET = "\033[0m"


def render(report, settings, options) -> str:
    color = options.color
    lines: list[str] = []
    shown = [f for f in report.findings if f.suppressed is None or options.show_suppressed]
    for f in shown:
        where = f"{f.span.path}:{f.span.line}:{f.span.column}:"
        rule = f.rule
        if color:
            where = f"{_BOLD}{where}{_RESET}"
            rule = f"{_COLORS[f.severity]}{rule}{_RESET}"
        line = f"{where} {rule} {f.message}"
        if f.suppressed is not None:
            line += f" ({_silenced(f.suppressed)})"
        lines.append(line)
        if f.hint:
            lines.append(f"  help: {f.hint}")
        for related in f.related:
            text = f"  {related.span.path}:{related.span.line}:{related.span.column}: {related.message}"
            lines.append(f"{_DIM}{text}{_RESET}" if color else text)
    if options.verbose:
        lines.extend(f"{path}: skipped: {reason}" for path, reason in sorted(report.skipped + report.pruned))
    lines.append(summary(report, hint=not options.verbose))
    return "\n".join(lines) + "\n"


def _silenced(suppressed) -> str:
    if suppressed.kind == "baseline":
        return "baselined"
    until = f" until {suppressed.until}" if suppressed.until else ""
    return f"suppressed {suppressed.kind}{until}: {suppressed.reason}"


def summary(report, hint: bool = False) -> str:
    active = report.active
    counts = {s: sum(1 for f in active if f.severity == s) for s in Severity}
    files = len(report.files)
    file_word = "file" if files == 1 else "files"
    baselined = report.silenced("baseline")
    suppressed = report.silenced() - baselined
    tail = f"; {suppressed} suppressed" if suppressed else ""
    tail += f"; {baselined} baselined" if baselined else ""
    if report.baseline_stale:
        entries = "entry matches" if report.baseline_stale == 1 else "entries match"
        tail += f"; {report.baseline_stale} baseline {entries} no finding any more (write the baseline again)"
    skipped = len(report.skipped)
    if skipped:  # not read (a FIFO, a link out of the directory, a Helm template...): say so, list on request
        tail += f"; {skipped} skipped" + (" (--verbose lists them)" if hint else "")
    if not active:
        return f"No findings in {files} {file_word}{tail}."
    noun = "finding" if len(active) == 1 else "findings"
    parts = ", ".join(f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in (Severity.ERROR, Severity.WARNING, Severity.NOTE))
    # files with findings, of the files linted: "in 3 of 7 files" (an internal error may name a file not linted)
    where = f"{min(len({f.span.path for f in active}), files)} of {files} files" if files > 1 else f"{files} {file_word}"
    return f"Found {len(active)} {noun} ({parts}) in {where}{tail}."
