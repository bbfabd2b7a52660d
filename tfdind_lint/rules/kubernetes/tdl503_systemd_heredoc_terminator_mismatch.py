"""TDL503 systemd-heredoc-terminator-mismatch: A shell here-document in a rendered script that no line closes, so the
rest of the script never runs."""

from __future__ import annotations

from ... import edits, shell
from ...context import Context
from ...finding import Hit, Related
from ...fix import Fix, safe
from ...lazy_re import LazyPattern
from ...model import roles, scripts
from ...node import Node, Span, Unknown

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator


def check(ctx: Context) -> Iterator[Hit]:
    """TDL503: a shell here-document in a rendered script that no line closes."""
    for subject, owner, attribute, node in _shell_scripts(ctx):
        yield from _unclosed_heredocs(ctx, subject, owner, attribute, node)


def _shell_scripts(ctx: Context) -> Iterator[tuple[str, Span, str, Node]]:
    """(subject, owner, attribute, script) for every script a shell runs: ``sh -c`` command lines and agent scripts."""
    for unit in ctx.units:
        for workload in unit.workloads:
            for container in workload.all_containers():
                for node in scripts.shell_scripts(container):
                    yield workload.address, workload.owner, roles.command_attribute(container, node), node
        if unit.module is None:
            continue
        for resource, node in scripts.startup_scripts(unit.module):
            text = roles.script_text(node)
            if text is not None and _is_shell(text):
                yield (*scripts.place(resource), node)


_SHELL_WORDS = tuple(LazyPattern(rf"\b{name}\b") for name in sorted(scripts.SHELLS))


def _is_shell(text: str) -> bool:
    """Agent scripts are shell scripts unless a ``#!`` line names another interpreter."""
    first = text.lstrip("\n").split("\n", 1)[0]
    return not first.startswith("#!") or any(word.search(first) for word in _SHELL_WORDS)


def _unclosed_heredocs(ctx: Context, subject: str, owner: Span, attribute: str, node: Node) -> Iterator[Hit]:
    text = roles.script_text(node)
    if text is None or "<<" not in text:
        return
    script = shell.parse(text)
    lines = text.split("\n")
    holes = scripts.placeholders(node)
    for heredoc in script.heredocs:
        if heredoc.terminator is not None or not any(line.strip() for line in heredoc.body):
            continue  # closed, or nothing after it to swallow
        if any(line >= heredoc.body_start and not _single_line(part) for line, _, part in holes):
            continue  # an interpolation might render the terminator line: render conservatively
        written = lines[heredoc.line][heredoc.column:heredoc.delimiter_end]
        rules = " after `<<-` strips leading tabs" if heredoc.strip_tabs else ""
        near = _near_terminator(heredoc, lines)
        repair = None
        if near is not None:
            rendered = lines[near].lstrip("\t") if heredoc.strip_tabs else lines[near]
            tabs = " (after leading tabs)" if heredoc.strip_tabs else ""
            fix = (f"make that line read exactly `{heredoc.delimiter}`{tabs}, or quote the delimiter as the line "
                   f"renders: `{heredoc.operator}'{rendered}'`")
            if heredoc.delimiter != heredoc.delimiter.lstrip() and node.span.path.endswith(".tf"):
                # the seed's idiom: a quoted delimiter that spells out the indentation Terraform's `<<EOF` keeps
                fix += ". Terraform's `<<-` heredoc strips the common indentation, `<<` keeps it"
            related = Related(scripts.line_span(node, near), f"this line reads `{rendered}`, not `{heredoc.delimiter}`")
            repair = _fix(ctx, node, heredoc, lines, near, rendered, written, holes)
        else:
            fix = f"add a line that reads `{heredoc.delimiter}` where the here-document ends"
            last = max(i for i, line in enumerate(lines) if line.strip() or i == 0)
            related = Related(scripts.line_span(node, last), f"the script ends here without a `{heredoc.delimiter}` line")
        yield Hit(scripts.line_span(node, heredoc.line, heredoc.column, heredoc.delimiter_end),
                  f"The here-document `{written}` is never closed, so the rest of the script never runs",
                  hint=f"{fix} (no line below reads `{heredoc.delimiter}`{rules}: the shell takes the rest of the "
                       "script as the document's body)",
                  subject=subject, attribute=attribute, related=(related,), owner=owner, fix=repair)


#: a delimiter the fix writes: no quote, escape or interpolation in any host language (HCL, YAML, JSON, shell)
_DELIMITER = LazyPattern(r"[A-Za-z0-9_. -]+")


def _fix(ctx, node: Node, heredoc: shell.Heredoc, lines: list[str], near: int, rendered: str, written: str,
         holes) -> Fix | None:
    """The delimiter switched to the text the closing line renders, single-quoted (``<<-'    EOT'`` -> ``<<-'EOT'``).

    Quoting an unquoted delimiter stops the body's expansions, so then only a body with nothing to expand.
    """
    if _DELIMITER.fullmatch(rendered) is None or rendered != rendered.rstrip() or not rendered.strip():
        return None
    if not heredoc.quoted and (any(heredoc.body_start <= line < near for line, _, _ in holes) or any(
            c in line for line in lines[heredoc.body_start:near] for c in "$`\\")):
        return None
    span = scripts.line_span(node, heredoc.line, heredoc.column, heredoc.delimiter_end)
    text = edits.source(ctx, span.path)
    if text is None or span.line != span.end_line:
        return None
    start, end = text.range(span)
    if text.text[start:end] != written:
        return None  # the file writes it otherwise (escapes, the script's own quoting)
    if span.path.endswith((".yaml", ".yml")) and text.text[text.range(node.span)[0]:][:1] == "'":
        return None  # inside a single-quoted YAML scalar a quote is written twice
    return safe(f"Close the here-document at `{rendered}`", edits.replace(span, f"{heredoc.operator}'{rendered}'"))


def _near_terminator(heredoc: shell.Heredoc, lines: list[str]) -> int | None:
    """The line meant to close a here-document: the first below it that reads the delimiter but for blanks."""
    for index in range(heredoc.body_start, len(lines)):
        if lines[index].strip() == heredoc.delimiter.strip():
            return index
    return None


def _single_line(part: Unknown) -> bool:
    """Interpolations known not to render a line of their own: Coder's agent script, token and workspace data."""
    return bool(part.references) and all(
        r.parts[0] == "coder_agent" or (r.parts[0] == "data" and r.parts[1] in ("coder_workspace", "coder_workspace_owner"))
        for r in part.references)
