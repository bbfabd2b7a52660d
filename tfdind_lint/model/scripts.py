"""Reading shell scripts held in template values (startup scripts, ``sh -c`` commands).

Findings inside a script point at the script's own line: a heredoc or a YAML
block scalar remembers where each of its lines starts (``Node.lines``).
"""

from __future__ import annotations

from .. import shell
from ..lazy_re import GuardedPattern
from ..node import Node, Span, Unknown
from ..record import Value
from ..shell import SHELLS
from ..sources import UNKNOWN
from ..workload import Container, Workload
from .roles import script_text

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re
    from collections.abc import Callable, Iterator


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
        if end is None:  # only then: splitting a 50,000-line script for every word would take minutes
            end = len((script_text(node) or "").split("\n")[index].rstrip())
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


STARTS_DOCKER = GuardedPattern(
    r"(?:^|[\s;&|(])(?:sudo\s+(?:-\S+\s+)*)?(?:dockerd\b|service\s+docker\s+start\b|systemctl\s+(?:--\S+\s+)*(?:start|enable\s+--now|restart)\s+docker\b|/etc/init\.d/docker\s+start\b)",
    ("docker",),
)


#: What ``roles.script_text`` puts where a template's unknown part is.
HOLE = "\x00"


def shell_scripts(container) -> list[Node]:
    """The command-line element a shell runs as its script: the one after ``-c`` (``sh -c``, ``bash -ec``)."""
    argv = container.argv()
    operand = shell.script_operand([_arg_text(node) for node in argv])
    return [argv[operand]] if operand is not None else []


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


def values(unit) -> Iterator[Node]:
    """Every value of a unit, nested ones included: evaluated Terraform attributes, YAML and TOML nodes."""
    if unit.module is not None:
        for tf in unit.module.files:
            for block in tf.body.blocks:
                yield from _block_values(block, unit.module)
    if unit.yaml is not None:
        for document in unit.yaml.documents:
            yield from document.walk()
    if unit.toml is not None:
        yield from unit.toml.root.walk()


def strings(unit) -> Iterator[Node]:
    """Every string value of a unit (a Terraform template counts): where scripts hide."""
    return string_values(values(unit))


def string_values(nodes) -> Iterator[Node]:
    """The string values among ``nodes`` (a Terraform template counts)."""
    return (node for node in nodes if isinstance(node.value, (str, Unknown)))


def _block_values(block, module) -> Iterator[Node]:
    for node in block.attributes.values():
        yield from module.evaluate(node).walk()
    for child in block.blocks:
        yield from _block_values(child, module)


def embedded_manifests(node: Node) -> list[Node]:
    """Kubernetes objects in the here-documents of a script (``cat <<EOF | kubectl apply -f -``), positioned in the file.

    Only scripts whose lines are placed in the file (heredocs, YAML block
    scalars) are read; an unknown piece of a Terraform template becomes an
    ``Unknown`` value.
    """
    text = script_text(node)
    if text is None or not node.lines or "<<" not in text:
        return []
    from ..sources import kubernetes  # noqa: PLC0415  (cold start: most runs read no YAML)

    if not kubernetes.looks_like_manifest(text):
        return []
    found: list[Node] = []
    for heredoc in shell.parse(text).heredocs:
        body = "\n".join(line.lstrip("\t") if heredoc.strip_tabs else line for line in heredoc.body)
        if not kubernetes.looks_like_manifest(body):
            continue
        line, column = node.line_position(heredoc.body_start)
        parsed = kubernetes.parse_text(node.span.path, body.replace(HOLE, UNKNOWN), line - 1, column - 1)
        for document in parsed.documents:
            for value in document.walk():
                if isinstance(value.value, str) and UNKNOWN in value.value:
                    value.value = Unknown(value.value.replace(UNKNOWN, "${...}"))
            found.append(document)
    return found


# ----------------------------------------------------------------------------------------------
# Agent startup scripts
# ----------------------------------------------------------------------------------------------


def startup_scripts(module, agents: set[str] | None = None) -> Iterator[tuple[object, Node]]:
    """(resource, evaluated script) of a module's agent startup scripts: ``coder_agent.startup_script``, ``coder_script.script``.

    Only those of the named agents when ``agents`` is given.
    """
    for resource in module.resources_of("coder_agent"):
        if agents is None or resource.name in agents:
            node = module.evaluate(resource.block.attr("startup_script"))
            if node is not None:
                yield resource, node
    for resource in module.resources_of("coder_script"):
        agent_id = resource.block.attr("agent_id")
        refs = agent_id.value.references() if agent_id is not None and hasattr(agent_id.value, "references") else ()
        if agents is None or any(r.parts[0] == "coder_agent" and r.parts[1] in agents for r in refs):
            node = module.evaluate(resource.block.attr("script"))
            if node is not None:
                yield resource, node


def place(resource) -> tuple[str, Span, str]:
    """(subject, owner, attribute) of a finding inside an agent startup script: the resource, its head, the attribute."""
    return resource.address, resource.block.head, "startup_script" if resource.type == "coder_agent" else "script"


def agent_names(container: Container) -> set[str]:
    """The coder_agent resources whose init script a container runs."""
    return {r.parts[1] for r in container.agent_scripts()}


def agent_startup_scripts(workload: Workload, container: Container) -> Iterator[Node]:
    """The startup scripts of the agents a container runs (``coder_agent.startup_script`` and ``coder_script``)."""
    if workload.module is not None:
        for _, node in startup_scripts(workload.module, agent_names(container)):
            yield node


# ----------------------------------------------------------------------------------------------
# Commands, as a shell reads them
# ----------------------------------------------------------------------------------------------


class Arg(Value):
    """One argument of a command after quote removal, and where it is written (unknown pieces are ``HOLE``)."""

    __slots__ = _fields = ("text", "span")

    text: str
    span: Span

    def __init__(self, text: str, span: Span):
        self.text = text
        self.span = span


#: (script line, start column, end column or None for the end of the line) -> Span
if TYPE_CHECKING:
    _Locate = Callable[[int, int, "int | None"], Span]


def commands(node: Node | None, module=None) -> Iterator[list[Arg]]:
    """The simple commands of a script value, in order.

    The script of a nested ``sh -c '...'`` (or ``su -c '...'``) and a here-document
    fed to a shell (``bash <<'EOT'``) are read too; their commands point at the
    ``-c`` argument and at the heredoc's own lines respectively.  Given the ``module``
    the script belongs to, each script is read once for all the rules that ask (the
    module holds what was read).
    """
    text = script_text(node) if node is not None else None
    if text is None:
        return iter(())
    if module is None:
        return iter(list(_commands(text, lambda line, start, end: line_span(node, line, start, end))))
    # The key is all `line_span` consults, so equal nodes (evaluate() copies nodes) share an entry.
    key = (text, node.span, node.lines, node.value.text if isinstance(node.value, Unknown) else None)
    found = module.script_commands.get(key)
    if found is None:
        found = module.script_commands[key] = list(_commands(text, lambda line, start, end: line_span(node, line, start, end)))
    return iter(found)


def _commands(text: str, locate: _Locate) -> Iterator[list[Arg]]:
    for command in shell.parse(text).commands:
        args = [Arg(w.text, locate(w.line, w.column, w.end_column if w.end_line == w.line else None))
                for w in command.words]
        if args:
            yield args
        wrappers, start = shell.unwrap(command)
        operand = shell.script_operand(command.argv)
        if operand is not None:
            inner = args[operand].span
            yield from _commands(args[operand].text, lambda *_, inner=inner: inner)
        elif wrappers and wrappers[-1].command is not None:  # su / runuser -c 'script'
            word = wrappers[-1].command
            inner = locate(word.line, word.column, word.end_column if word.end_line == word.line else None)
            yield from _commands(word.text, lambda *_, inner=inner: inner)
        elif start < len(args) and args[start].text.rsplit("/", 1)[-1] in SHELLS:
            for heredoc in command.heredocs:
                yield from _heredoc_commands(heredoc, locate)


def _heredoc_commands(heredoc: shell.Heredoc, locate: _Locate) -> Iterator[list[Arg]]:
    lines = [line.lstrip("\t") if heredoc.strip_tabs else line for line in heredoc.body]
    shifts = [len(raw) - len(line) for raw, line in zip(heredoc.body, lines)]

    def inner(line: int, start: int, end: int | None) -> Span:
        shift = shifts[line] if line < len(shifts) else 0
        return locate(heredoc.body_start + line, start + shift, end + shift if end is not None else None)

    yield from _commands("\n".join(lines), inner)


def container_commands(container: Container) -> Iterator[list[Arg]]:
    """The commands a container's process runs: its command line, and the commands of a ``sh -c`` script in it."""
    argv = container.argv()
    if not argv:
        return
    args = [Arg(_arg_text(node), node.where) for node in argv]
    yield args
    operand = shell.script_operand([a.text for a in args])
    if operand is not None:
        yield from commands(argv[operand], container.workload.module)


def program(args: list[Arg]) -> tuple[int, str] | None:
    """Index and name of the program a command runs (past ``sudo``/``env``/``exec``); None when there is none."""
    start = shell.program_index([a.text for a in args])
    return (start, args[start].text.rsplit("/", 1)[-1]) if start < len(args) else None


def _arg_text(node: Node) -> str:
    value = node.value
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, Unknown) and value.parts:
        return "".join(p if isinstance(p, str) else HOLE for p in value.parts)
    return HOLE
