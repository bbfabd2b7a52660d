"""Reading suppressions as written: the grammar of ``suppress.py``'s docstring, in comments and annotations.

``suppress.parse_comments`` and ``suppress.parse_annotation`` hand text to this module only when it may hold a
suppression, so a run over files without any does not load the grammar.
"""

from __future__ import annotations

from .lazy_re import GuardedPattern, LazyPattern
from .node import Node, Span
from .suppress import MARK, UNSUPPRESSIBLE, Problem, Suppression

TYPE_CHECKING = False  # typing's, without importing typing (a one-file run: docs/benchmarks.md)
if TYPE_CHECKING:
    import datetime
    from collections.abc import Callable

    from .sources import Comment

_DIRECTIVE = GuardedPattern(r"^\s*tfdind-lint\s*:\s*(?P<rest>.*)$", (MARK,))
_IGNORE = LazyPattern(r"^(?P<form>ignore|ignore-file)\s*\[(?P<ids>[^\]]*)\]\s*(?P<tail>.*)$")
_REASON = LazyPattern(r"^--\s*(?P<reason>.*?)\s*$")
_UNTIL = LazyPattern(r"\(\s*until\s+(?P<date>[^)]*?\d[^)]*?)\s*\)")  # a digit: "(until further notice)" is prose
_ISO_DATE = LazyPattern(r"^\d{4}-\d{2}-\d{2}$")

_FORMS = {"ignore": "inline", "ignore-file": "file"}


if TYPE_CHECKING:
    Resolve = Callable[[str], "str | None"]
    #: the nearest rule id or name to a word that names none (``TDL4O1`` -> ``TDL401``), or None
    Suggest = Callable[[str], "str | None"]

#: ``TDL4``, ``ACME1``: a group prefix, which ``--select`` takes but a suppression does not
_PREFIX = LazyPattern(r"^[A-Z]{2,}\d{0,2}$")
#: a reason set off by something other than `` -- ``: ``- reason``, ``: reason``, ``— reason``, ``-reason``
_NEAR_ANNOTATION = LazyPattern(r"^\s*(?P<ids>[\w,\s]+?)\s*(?P<tail>(?::|\s-|\s[\u2013\u2014]).*)$")
_NEAR_REASON = LazyPattern(r"^(?:[-:\u2013\u2014=]+|-(?=\S))\s*(?P<reason>\S.*)$")


def _build(ids_text: str, tail: str, span: Span, kind: str, resolve: Resolve, form: str,
           problems: list[Problem], suggest: Suggest | None = None) -> Suppression | None:
    names = [part.strip() for part in ids_text.split(",") if part.strip()]
    if not names:
        problems.append(Problem("TDL900", span, f"This suppression names no rule: write `{form.format('TDLnnn')} -- <reason>`"))
        return None
    rules: list[str] = []
    unknown: list[str] = []
    for name in names:
        rule = resolve(name)
        if rule is None and _PREFIX.match(name.upper()):
            problems.append(Problem("TDL900", span, f"`{name}` is a group prefix, not allowed in a suppression: name the "
                                                    f"rules, such as `{form.format(name.upper() + '01')} -- <reason>`"))
        elif rule is None:
            unknown.append(name)
        elif rule in UNSUPPRESSIBLE:
            problems.append(Problem("TDL900", span, f"{rule} findings cannot be suppressed: {UNSUPPRESSIBLE[rule]}"))
        elif rule not in rules:
            rules.append(rule)
    if unknown:
        hints = [f"`{name}`: did you mean `{suggest(name)}`?" for name in unknown if suggest and suggest(name)]
        problems.append(Problem("TDL900", span, f"This suppression names an unknown rule: {', '.join(unknown)} "
                                                f"({'; '.join(hints) + '; ' if hints else ''}see `tfdind-lint rules`)"))
    reason_match = _REASON.match(tail)
    reason = reason_match.group("reason") if reason_match else ""
    near = _NEAR_REASON.match(tail) if reason_match is None and tail else None
    if near is not None or (reason_match is None and tail and not tail.startswith("(")):
        written = (form.format(",".join(names)) + " -- " + (near.group("reason") if near else tail)).strip()
        written = "tfdind-lint: " + written if form.startswith("ignore") else written
        problems.append(Problem("TDL900", span, f"Suppresses nothing: the reason must follow ` -- `, as in `{written}`"))
        return None
    until = None
    until_match = _UNTIL.search(reason)
    if until_match is not None:
        text = until_match.group("date")
        until = _date(text)
        if until is None:
            problems.append(Problem("TDL900", span, f"`until {text}` is not a date, so this suppression suppresses nothing: "
                                                    "write `(until YYYY-MM-DD)`"))
            return None
        reason = (reason[:until_match.start()] + reason[until_match.end():]).strip()
    if not reason:
        written = form.format(",".join(names))
        problems.append(Problem(
            "TDL900", span,
            f"This suppression of {', '.join(names)} has no reason, so it suppresses nothing: "
            f"add `-- <why>` after `{written}`",
        ))
        return None
    if not rules:
        return None
    return Suppression(kind, tuple(rules), reason, span, until)


def _date(text: str) -> datetime.date | None:
    if not _ISO_DATE.match(text):
        return None
    import datetime  # noqa: PLC0415  (cold start: most runs have no expiring suppression)

    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None


def parse_comments(comments: list[Comment], lines: list[str], resolve: Resolve,
                   suggest: Suggest | None = None) -> tuple[list[Suppression], list[Problem]]:
    """The inline and file-level suppressions among a file's comments."""
    suppressions: list[Suppression] = []
    problems: list[Problem] = []
    for comment in comments:
        directive = _DIRECTIVE.match(comment.text)
        if directive is None:
            continue
        rest = directive.group("rest").strip()
        ignore = _IGNORE.match(rest)
        if ignore is None:
            problems.append(Problem("TDL900", comment.span, "Not a tfdind-lint directive: write "
                                                            "`tfdind-lint: ignore[TDLnnn] -- <reason>` or "
                                                            "`ignore-file[TDLnnn] -- <reason>`"))
            continue
        form = ignore.group("form")
        kind = _FORMS[form]
        line = lines[comment.span.line - 1] if 0 < comment.span.line <= len(lines) else ""
        own_line = not line[: comment.span.column - 1].strip()
        if kind == "file" and not own_line:
            problems.append(Problem("TDL900", comment.span, "A file-level suppression must be alone on its line, "
                                                            "so it is not mistaken for the line's own"))
            continue
        suppression = _build(ignore.group("ids"), ignore.group("tail").strip(), comment.span, kind, resolve,
                             f"{form}[{{}}]", problems, suggest)
        if suppression is not None:
            suppression.own_line = own_line
            suppressions.append(suppression)
    return suppressions, problems


def parse_annotation(node: Node, region: Span, resolve: Resolve,
                     suggest: Suggest | None = None) -> tuple[list[Suppression], list[Problem]]:
    """The suppressions of an annotation value: one ``RULES -- reason`` entry per line."""
    suppressions: list[Suppression] = []
    problems: list[Problem] = []
    if not isinstance(node.value, str):
        return suppressions, problems  # unknown (a Terraform variable): nothing to read
    for index, entry in enumerate(node.value.split("\n")):
        if not entry.strip():
            continue
        line, column = node.line_position(index)
        span = node.where if node.lines is None else Span(node.span.path, line, column, line, column + len(entry))
        ids_text, sep, tail = entry.partition("--")
        near = None if sep else _NEAR_ANNOTATION.match(entry)
        if near is not None and all(resolve(n.strip()) for n in near.group("ids").split(",") if n.strip()):
            ids_text, tail = near.group("ids"), near.group("tail")  # `TDL401: reason`: said as such by _build
        suppression = _build(ids_text, (sep + tail).strip(), span, "annotation", resolve, "{}", problems, suggest)
        if suppression is not None:
            suppression.region = region
            suppressions.append(suppression)
    return suppressions, problems
