"""Reading shell scripts held in template values (startup scripts, ``sh -c`` commands).

Findings inside a script point at the script's own line: a heredoc or a YAML
block scalar remembers where each of its lines starts (``Node.lines``).
"""

from __future__ import annotations

import re

from ..node import Node, Span, Unknown
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
    text = script_text(node)
    if node.span.line == node.span.end_line and text is not None and "\n" not in text:
        # a one-line quoted string: the text starts one column after the opening quote; a template's
        # columns are the file's as long as nothing before `end` is an escape or an interpolation
        end = len(text) if end is None else end
        source = node.value.text if isinstance(node.value, Unknown) else None
        if source is None or source[1:1 + end] == text[:end]:
            return Span(node.span.path, node.span.line, node.span.column + 1 + start, node.span.line,
                        node.span.column + 1 + end)
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


#: Programs that run the string after ``-c`` as a shell script.
SHELLS = frozenset({"sh", "bash", "dash", "ash", "zsh", "ksh"})

#: What ``roles.script_text`` puts where a template's unknown part is.
HOLE = "\x00"


def shell_scripts(container) -> list[Node]:
    """The command-line element a shell runs as its script: the one after ``-c`` (``sh -c``, ``bash -ec``)."""
    argv = container.argv()
    if not argv or not isinstance(argv[0].value, str) or argv[0].value.rsplit("/", 1)[-1] not in SHELLS:
        return []
    for i in range(1, len(argv) - 1):
        option = argv[i].value
        if not isinstance(option, str) or not option.startswith("-") or option.startswith("--"):
            return []  # `sh script.sh`, or an option the tool cannot read
        if "c" in option[1:]:
            return [argv[i + 1]]
    return []


def placeholders(node: Node) -> list[tuple[int, int, Unknown]]:
    """Where each unknown part of a script value sits in ``script_text``: (line index, column, the part)."""
    text = script_text(node)
    value = node.value
    if text is None or not isinstance(value, Unknown) or not value.parts:
        return []
    parts = [p for p in value.parts if not isinstance(p, str)]
    found = []
    for index, line in enumerate(text.split("\n")):
        column = line.find(HOLE)
        while column >= 0 and len(found) < len(parts):
            found.append((index, column, parts[len(found)]))
            column = line.find(HOLE, column + 1)
    return found


def renders_agent_init(part: Unknown) -> bool:
    """An unknown template part that renders a Coder agent's init script (``${coder_agent.main.init_script}``)."""
    return any(r.parts[0] == "coder_agent" and r.attribute == ("init_script",) for r in part.references)
