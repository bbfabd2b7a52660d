"""Reading shell scripts held in template values (startup scripts, ``sh -c`` commands).

Findings inside a script point at the script's own line: a heredoc or a YAML
block scalar remembers where each of its lines starts (``Node.lines``).
"""

from __future__ import annotations

import re

from ..node import Node, Span
from .roles import script_text


def script_lines(node: Node) -> list[tuple[int, str]]:
    """(0-based line index, text) of a script value, shell comments dropped."""
    text = script_text(node)
    if text is None:
        return []
    out = []
    for i, line in enumerate(text.split("\n")):
        stripped = line.lstrip()
        if stripped.startswith("#"):
            continue
        out.append((i, line))
    return out


def line_span(node: Node, index: int, start: int = 0, end: int | None = None) -> Span:
    """The span of characters ``start:end`` of line ``index`` of a script value."""
    if node.lines and 0 <= index < len(node.lines):
        line, column = node.lines[index]
        text = (script_text(node) or "").split("\n")[index]
        end = len(text.rstrip()) if end is None else end
        return Span(node.span.path, line, column + start, line, column + max(end, start + 1))
    if node.span.line == node.span.end_line and isinstance(node.value, str) and "\n" not in node.value:
        # a one-line quoted string: the text starts one column after the opening quote
        return Span(node.span.path, node.span.line, node.span.column + 1 + start, node.span.line,
                    node.span.column + 1 + (end if end is not None else len(node.value)))
    return node.span


def search(node: Node | None, pattern: re.Pattern) -> tuple[Span, re.Match] | None:
    """The first match of ``pattern`` on a non-comment line of a script, with its span."""
    if node is None:
        return None
    for index, line in script_lines(node):
        m = pattern.search(line)
        if m:
            return line_span(node, index, m.start(), m.end()), m
    return None


STARTS_DOCKER = re.compile(
    r"(?:^|[\s;&|(])(?:sudo\s+(?:-\S+\s+)*)?(?:dockerd\b|service\s+docker\s+start\b|systemctl\s+(?:--\S+\s+)*(?:start|enable\s+--now|restart)\s+docker\b|/etc/init\.d/docker\s+start\b)"
)
