"""TDL603 devcontainer-integration-disabled: CODER_AGENT_DEVCONTAINERS_ENABLE is false on an agent the template asks
to start a dev container on."""

from __future__ import annotations

from ... import edits
from ...context import Context
from ...finding import Hit, Related
from ...fix import Fix, unsafe
from ...model import daemon as daemons
from ...node import Block, Span
from .helpers import by_agent, first_use, integration_units, use_container

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

ENABLE = "CODER_AGENT_DEVCONTAINERS_ENABLE"
_FALSE = ("0", "f", "F", "false", "FALSE", "False")


def check(ctx: Context) -> Iterator[Hit]:
    """TDL603: CODER_AGENT_DEVCONTAINERS_ENABLE false on an agent that has a coder_devcontainer or autostart."""
    for unit, model, found in integration_units(ctx):
        for group in by_agent(found).values():
            asks = [u for u in group if u.kind in ("resource", "autostart")]
            if not asks:
                continue
            use = first_use(asks)
            container = use_container(model, use)
            agent = None
            if container is not None:
                env = daemons.environment(container)
            elif use.agent is not None and unit.module is not None:
                env = daemons.Environment([])
                agent = next((r for r in unit.module.resources_of("coder_agent") if r.name == use.agent), None)
                if agent is None:
                    continue
                daemons.agent_environment(unit.module, agent, env)
            else:
                continue
            setting = env.get(ENABLE)
            if setting is None or setting.text not in _FALSE:
                continue
            yield Hit(setting.span, f"`{ENABLE}={setting.text}` turns off the Dev Containers this template asks for; remove it",
                      subject=setting.subject, attribute=f"env.{ENABLE}", owner=setting.owner,
                      related=(Related(use.span, "a dev container is asked for here"),),
                      fix=_fix(ctx, setting.span, container, agent))


def _fix(ctx, span: Span, container, agent) -> Fix | None:
    """Remove the variable where it is written: a Docker ``env`` item, a Kubernetes ``env`` entry (block or
    YAML item), a ``coder_agent.env`` entry.  Unsafe: the author may have turned the integration off on
    purpose (then the ``coder_devcontainer`` is what should go).  None for a script's ``export``."""
    text = edits.source(ctx, span.path)
    edit = None
    if container is not None:
        entry = next((e for e in reversed(container.env)
                      if e.name == ENABLE and e.value is not None and _within(span, e.value.where)), None)
        source = container.source
        module = container.workload.module
        if entry is None:  # set in the env map of the agent the container runs
            agent = next((a for a in (module.resources_of("coder_agent") if module is not None else ())
                          if _env_entry(a, span) is not None), None)
            return _fix(ctx, span, None, agent) if agent is not None else None
        if container.workload.kind == "docker_container" and isinstance(source, Block):
            items = source.attr("env")
            edit = edits.delete_item(text, items, entry.span) if items is not None else None
        elif isinstance(source, Block):
            block = next((b for b in source.blocks if b.type == "env" and b.head == entry.span), None)
            edit = edits.delete_lines(text, block.span) if block is not None else None
        elif span.path.endswith((".yaml", ".yml")):
            edit = edits.delete_lines(text, entry.span, edits.SEQUENCE_ITEM)
    elif agent is not None:
        node = _env_entry(agent, span)
        edit = edits.delete_attribute(text, node) if node is not None else None
    return unsafe(f"Remove {ENABLE}", edit) if edit is not None else None


def _env_entry(agent, span: Span):
    """The ``coder_agent.env`` entry written at ``span``, or None."""
    env = agent.block.attr("env")
    node = env.value.get(ENABLE) if env is not None and isinstance(env.value, dict) else None
    return node if node is not None and node.where == span else None


def _within(inner: Span, outer: Span) -> bool:
    return inner.path == outer.path and (outer.line, outer.column) <= (inner.line, inner.column) and \
        (inner.end_line, inner.end_column) <= (outer.end_line, outer.end_column)
