"""TDL502 systemd-agent-env-not-preserved: The agent's init script is started through sudo or a login shell that
drops CODER_AGENT_TOKEN."""

from __future__ import annotations

from ... import edits, shell
from ...context import Context
from ...finding import Hit, Related
from ...fix import Fix, safe
from ...lazy_re import LazyPattern
from ...model import roles, scripts
from ...node import Node, Span, Unknown
from ...workload import Workload

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

TOKEN = "CODER_AGENT_TOKEN"


def check(ctx: Context) -> Iterator[Hit]:
    """TDL502: the agent's init script runs through sudo / a login shell that drops ``CODER_AGENT_TOKEN``."""
    for workload in ctx.workloads:
        for container in workload.all_containers():
            for node in container.argv():
                yield from _agent_env_hits(ctx, workload, roles.command_attribute(container, node), node)


_KEEPS_TOKEN = LazyPattern(rf"env_keep.*\b{TOKEN}\b")


def _agent_env_hits(ctx: Context, workload: Workload, attribute: str, node: Node) -> Iterator[Hit]:
    inits = [(line, column, part) for line, column, part in scripts.placeholders(node) if scripts.renders_agent_init(part)]
    if not inits or not _uses_token_auth(workload, inits):
        return
    text = roles.script_text(node)
    if _KEEPS_TOKEN.search(text):
        return  # the script itself tells sudo to keep the token
    for command in shell.parse(text).commands:
        inside = [part for line, column, part in inits if _runs_in(command, line, column)]
        if not inside:
            continue
        culprit = _drops_token(command)
        if culprit is None:
            continue
        first = culprit.words[0]
        last = max((w for w in culprit.words if w.line == first.line == w.end_line), key=lambda w: w.end_column,
                   default=first)
        written = " ".join(w.text for w in culprit.words if w.line == first.line)
        span = scripts.line_span(node, first.line, first.column, last.end_column)
        yield Hit(span,
                  f"`{written}` starts the Coder agent without `{TOKEN}`, so it cannot authenticate",
                  hint=f"{_keep_token(culprit)}: the agent starts {_why_dropped(culprit)}",
                  subject=workload.address, attribute=attribute,
                  related=(Related(_reference_span(inside[0]), "the agent's init script runs here"),),
                  owner=workload.owner, fix=_fix(ctx, span, first.text))


def _uses_token_auth(workload: Workload, inits) -> bool:
    """False when every agent started here authenticates without a token (``auth = "google-instance-identity"``)."""
    module = workload.module
    if module is None:
        return True
    for _, _, part in inits:
        for reference in part.references:
            resource = module.resource(reference.address) if reference.parts[0] == "coder_agent" else None
            auth = module.evaluate(resource.block.attr("auth")) if resource is not None else None
            if auth is None or not isinstance(auth.value, str) or auth.value == "token":
                return True
    return False


def _runs_in(command: shell.Command, line: int, column: int) -> bool:
    """Whether a script position is part of a command: inside one of its words, or in its here-document's body."""
    for word in command.words:
        if (word.line, word.column) <= (line, column) < (word.end_line, word.end_column):
            return True
    for heredoc in command.heredocs:
        end = heredoc.terminator if heredoc.terminator is not None else float("inf")
        if heredoc.body_start > heredoc.line and heredoc.body_start <= line < end:
            return True
    return False


def _drops_token(command: shell.Command) -> shell.Wrapper | None:
    """The wrapper after which the program run no longer has ``CODER_AGENT_TOKEN``, if any."""
    wrappers, start = shell.unwrap(command)
    present, culprit = True, None
    for wrapper in wrappers:
        if TOKEN in wrapper.sets:
            present, culprit = True, None
        elif present and not wrapper.passes(TOKEN):
            present, culprit = False, wrapper
    if present:
        return None
    # the script run as the other user may set the token itself (`CODER_AGENT_TOKEN=... sh -c ...`, an export)
    texts = [w.text for w in command.words[start:]] + [line for h in command.heredocs for line in h.body]
    texts += [wrappers[-1].command.text] if wrappers[-1].command is not None else []
    if any(f"{TOKEN}=" in t for t in texts):
        return None
    return culprit


def _why_dropped(wrapper: shell.Wrapper) -> str:
    if wrapper.program == "sudo":
        return "through sudo, which resets the environment (sudoers `env_reset`)"
    if wrapper.program in ("su", "runuser"):
        return "in a login shell, which starts from a clean environment"
    if TOKEN in wrapper.unsets:
        return f"after unsetting `{TOKEN}`"
    return "with an emptied environment"


def _keep_token(wrapper: shell.Wrapper) -> str:
    if wrapper.program == "sudo":
        return f"add `--preserve-env={TOKEN}`"
    if wrapper.program in ("su", "runuser") and wrapper.user:
        return (f"drop the login option (`{wrapper.program} {wrapper.user}` keeps the environment), or use "
                f"`sudo -u {wrapper.user} --preserve-env={TOKEN}`")
    return f"pass `{TOKEN}` on to the agent"


def _reference_span(part: Unknown) -> Span:
    for reference in part.references:
        if reference.parts[0] == "coder_agent" and reference.attribute == ("init_script",):
            return reference.span
    return part.references[0].span


def _fix(ctx, span, program: str) -> Fix | None:
    """``sudo -u coder ... init_script``: keep the agent's token (``sudo --preserve-env=CODER_AGENT_TOKEN``).
    ``su -`` / ``runuser -l`` (a login shell) have no such flag: no fix."""
    if program != "sudo":
        return None
    text = edits.source(ctx, span.path)
    if text is None or not text.text.startswith("sudo ", text.range(span)[0]):
        return None
    at = Span(span.path, span.line, span.column + 4, span.line, span.column + 4)
    return safe("Keep CODER_AGENT_TOKEN through sudo", edits.replace(at, " --preserve-env=CODER_AGENT_TOKEN"))
