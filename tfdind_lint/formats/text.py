"""Text reports: ``full`` (the default: code frames, help, related places) and ``concise`` (one line each).

``full`` follows ruff's full output::

    main.tf:98:3: TDL401 error: `docker_container.dind` is a privileged Docker-in-Docker sidecar
       |
    98 |   privileged = true
       |   ^^^^^^^^^^^^^^^^^
       |
       = help: ...
       = more: tfdind-lint explain TDL401

Findings come grouped by file, in file order.  Findings of one file with the same rule,
message and help are printed together, every place with its frame, the help once.
The severity is always a word; colour only adds to it.  ``concise`` is one line per
finding (``path:line:col: TDL401 error: message``), for editors' error parsers and grep.
Both end with a summary line unless ``quiet``; files not read are counted in the
summary and listed with ``verbose``.
"""

from __future__ import annotations

from ..finding import Severity
from .source_lines import SourceLines

TYPE_CHECKING = False  # typing's, without importing typing (a one-file run: docs/benchmarks.md)
if TYPE_CHECKING:
    from ..report import Report
    from ..settings import RunSettings
    from . import Options

_COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.NOTE: "\033[36m"}
_BOLD = "\033[1m"
_DIM = "\033[2m"
_GUTTER = "\033[1;34m"
_RESET = "\033[0m"

#: Source lines longer than this (display columns) are cut around the span, so a minified .tf.json stays readable.
MAX_LINE_WIDTH = 140
_CONTEXT = 40  # columns kept before the span when a long line is cut
_TAB = "    "


def _shown(report, options) -> list:
    return [f for f in report.findings if f.suppressed is None or options.show_suppressed]


def _tail(report, options) -> list[str]:
    lines = []
    if options.verbose:
        lines.extend(f"{path}: skipped: {reason}" for path, reason in sorted(report.skipped + report.pruned))
    if not options.quiet:
        lines.append(summary(report, hint=not options.verbose, fixes=options.fixes))
    return lines


class _Paint:
    def __init__(self, enabled: bool):
        self.enabled = enabled

    def __call__(self, text: str, *codes: str) -> str:
        return f"{''.join(codes)}{text}{_RESET}" if self.enabled and text else text


def _header(f, paint: _Paint, fixes=None) -> str:
    where = paint(f"{f.span.path}:{f.span.line}:{f.span.column}:", _BOLD)
    rule = paint(f"{f.rule} {f.severity}:", _BOLD, _COLORS[f.severity])
    mark = "[*] " if _fixable(f, fixes) else ""
    line = f"{where} {rule} {mark}{f.message}"
    if f.suppressed is not None:
        line += f" ({_silenced(f.suppressed)})"
    return line


# concise ----------------------------------------------------------------------------------------

def render_concise(report: Report, settings: RunSettings, options: Options) -> str:
    paint = _Paint(options.color)
    lines = [_header(f, paint, options.fixes) for f in _shown(report, options)]
    lines += _tail(report, options)
    return "\n".join(lines) + "\n" if lines else ""


# full -------------------------------------------------------------------------------------------

def render(report: Report, settings: RunSettings, options: Options) -> str:
    paint = _Paint(options.color)
    sources = SourceLines()
    blocks: list[str] = []
    for group in _groups(_shown(report, options)):
        blocks.append("\n".join(_group(group, settings, sources, paint, options.fixes)))
    blocks.append("\n".join(_tail(report, options)))
    return "\n\n".join(b for b in blocks if b) + "\n" if any(blocks) else ""


def _groups(findings: list) -> list[list]:
    """Findings by file in order; in a file, the ones with the same rule, message and help together."""
    groups: list[list] = []
    index: dict[tuple, list] = {}
    for f in findings:
        suppressed = _silenced(f.suppressed) if f.suppressed is not None else None
        key = (f.span.path, f.rule, f.severity, f.message, f.hint, suppressed)
        if key in index:
            index[key].append(f)
        else:
            index[key] = [f]
            groups.append(index[key])
    return groups


def _group(group: list, settings: RunSettings | None, sources: SourceLines, paint: _Paint, fixes=None) -> list[str]:
    first = group[0]
    related = list(dict.fromkeys(r for f in group for r in f.related))
    numbers = [f.span.end_line for f in group] + [r.span.end_line for r in related]
    width = len(str(max(numbers + [1])))
    pad = " " * width
    bar = paint("|", _GUTTER)
    out: list[str] = []
    for f in group:
        out.append(_header(f, paint, fixes))
        frame = _frame(f.span, sources, width, "^", paint, _COLORS[f.severity])
        if frame:
            out += [f"{pad} {bar}", *frame, f"{pad} {bar}"]
    equals = paint("=", _GUTTER)
    for text in first.hint.split("\n") if first.hint else ():
        out.append(f"{pad} {equals} help: {text}")
    for r in related:
        out.append(f"{pad}{paint(':::', _GUTTER)} {r.span.path}:{r.span.line}:{r.span.column}: {r.message}")
        frame = _frame(r.span, sources, width, "-", paint, _GUTTER, first_line_only=True)
        if frame:
            out += [f"{pad} {bar}", *frame]
    more = f"tfdind-lint explain {first.rule}"
    url = _rule_url(first, settings)
    if url:
        more += f" or {url}"
    if first.rule not in ("TDL999",):
        out.append(f"{pad} {equals} more: {more}")
    return out


def _rule_url(finding, settings: RunSettings | None) -> str | None:
    policy = settings.policies.get(finding.rule) if settings is not None else None
    if policy is None or policy.custom:
        return None
    from .links import rule_url  # noqa: PLC0415

    return rule_url(finding.rule, finding.name)


def _frame(span, sources: SourceLines, width: int, mark: str, paint: _Paint, color: str,
           first_line_only: bool = False) -> list[str]:
    """The lines of the span with line numbers and marks under the exact columns; several lines compactly."""
    lines = sources.lines(span.path)
    if lines is None or not 0 < span.line <= len(lines):
        return []
    end_line, end_column = span.end_line, span.end_column
    if end_line > span.line and end_column <= 1:  # a span ending at a line break ends on the line before
        end_line -= 1
        end_column = len(lines[end_line - 1]) + 1 if end_line <= len(lines) else 1
    end_line = min(max(end_line, span.line), len(lines))
    if first_line_only:
        end_line = span.line
    bar = paint("|", _GUTTER)

    def row(number: int, start: int, end: int) -> list[str]:
        text, offset, marks = _cut(lines[number - 1], start, end)
        label = paint(f"{number:>{width}}", _GUTTER)
        out = [f"{label} {bar} {text}".rstrip()]
        out.append(f"{' ' * width} {bar} {' ' * offset}{paint(mark * marks, color)}")
        return out

    first = lines[span.line - 1]
    if end_line == span.line:
        # a span over several lines shown on its first line only is marked to that line's end
        stop = end_column if span.end_line == span.line else len(first.rstrip()) + 1
        return row(span.line, span.column, stop)
    out = row(span.line, span.column, len(first.rstrip()) + 1)
    if end_line - span.line > 1:
        out.append(f"{paint('.' * width, _GUTTER)} {bar}")
    last = lines[end_line - 1]
    indent = len(last) - len(last.lstrip()) + 1
    out += row(end_line, min(indent, end_column), end_column)
    return out


def _width(text: str) -> int:
    """Display columns: a tab is four, East Asian wide characters two."""
    if text.isascii():  # nearly every line: no per-character work
        return len(text) + (len(_TAB) - 1) * text.count("\t")
    import unicodedata  # noqa: PLC0415

    return sum(len(_TAB) if c == "\t" else 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def _cut(line: str, start: int, end: int) -> tuple[str, int, int]:
    """(shown text, display offset of the span, display width of the marks) for columns ``start``..``end``."""
    line = line.rstrip("\n")
    start = min(max(start, 1), len(line) + 1)
    end = min(max(end, start + 1), len(line) + 2)
    first, last = 0, len(line)
    prefix = suffix = ""
    if len(line) > MAX_LINE_WIDTH or _width(line) > MAX_LINE_WIDTH:
        first = max(0, start - 1 - _CONTEXT)
        last = min(len(line), max(end - 1, start) + _CONTEXT, first + MAX_LINE_WIDTH)
        prefix = "…" if first > 0 else ""
        suffix = "…" if last < len(line) else ""
    shown = line[first:last]
    before = shown[:max(start - 1 - first, 0)]
    marked = line[start - 1:min(end - 1, last)]
    offset = len(prefix) + _width(before)
    marks = max(_width(marked), 1)
    text = prefix + shown.replace("\t", _TAB) + suffix
    return text, offset, marks


def _silenced(suppressed) -> str:
    if suppressed.kind == "baseline":
        return "baselined"
    until = f" until {suppressed.until}" if suppressed.until else ""
    return f"suppressed {suppressed.kind}{until}: {suppressed.reason}"


def _fixable(finding, fixes) -> bool:
    """Whether --fix (with the run's selection; without one: only safe fixes) would apply the finding's fix."""
    if finding.fix is None or finding.suppressed is not None:
        return False
    return finding.fix.safe if fixes is None else fixes.allows(finding)


def _fix_tail(active: list, fixes) -> str:
    """``; 2 fixable with --fix (1 more with --unsafe-fixes)``."""
    count = sum(1 for f in active if _fixable(f, fixes))
    unsafe = 0
    if fixes is None or not fixes.unsafe:
        unsafe = sum(1 for f in active if f.fix is not None and not f.fix.safe
                     and (fixes is None or fixes.rule_allowed(f.rule)))
    tail = f"; [*] {count} fixable with --fix" if count else ""
    if unsafe:
        tail += f" ({unsafe} more with --unsafe-fixes)" if count else f"; {unsafe} fixable with --fix --unsafe-fixes"
    return tail


def summary(report, hint: bool = False, fixes=None) -> str:
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
    tail += _fix_tail(active, fixes)
    noun = "finding" if len(active) == 1 else "findings"
    parts = ", ".join(f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in (Severity.ERROR, Severity.WARNING, Severity.NOTE))
    # files with findings, of the files linted: "in 3 of 7 files" (an internal error may name a file not linted)
    where = f"{min(len({f.span.path for f in active}), files)} of {files} files" if files > 1 else f"{files} {file_word}"
    return f"Found {len(active)} {noun} ({parts}) in {where}{tail}."
