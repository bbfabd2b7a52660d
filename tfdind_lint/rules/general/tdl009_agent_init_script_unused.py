"""TDL009 agent-init-script-unused: A coder_agent whose init_script nothing runs, so the agent never starts."""

from __future__ import annotations

from ...context import Context
from ...finding import Hit
from ...module import Module
from ...node import Node, Reference

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator


def check(ctx: Context) -> Iterator[Hit]:
    """TDL009: a ``coder_agent`` whose ``init_script`` nothing runs."""
    for module in ctx.complete_modules:
        for agent in module.resources_of("coder_agent"):
            if any(_may_use_init_script(use.reference, agent.name) for use in module.uses):
                continue
            if started_elsewhere(ctx, module, agent.name):
                continue
            yield Hit(
                agent.block.head,
                f"`{agent.address}.init_script` is used nowhere, so the agent never starts",
                hint=f"run it in the workspace's command: no container command, env value (such as envbox's "
                     f"CODER_BOOTSTRAP_SCRIPT) or user data in {module.directory or '.'}/ runs it, and the workspace "
                     "stays \"connecting\"",
                subject=agent.address, attribute="init_script", owner=agent.block.head,
            )


#: coder provider resources whose ``agent_id`` says an agent is started by something outside the template
#: (``coder_external_agent``: the user runs ``coder agent`` on a machine of their own)
EXTERNAL_AGENT_TYPES = ("coder_external_agent",)


def started_elsewhere(ctx: Context, module: Module, agent: str) -> bool:
    """Whether ``coder_agent.<agent>`` is started outside the template on purpose: a ``coder_external_agent`` names it.

    The external agent may be in the same directory (``agent_id = coder_agent.main.id``), in a
    directory this one calls (``agent_id = var.agent_id``, given ``coder_agent.main.id``), or in one
    that calls this one (``agent_id = module.ws.agent_id``, an output of ``coder_agent.main.id``).
    """
    def names_agent(mod: Module, node: Node | None) -> bool:
        return any(t.reference.parts[:2] == ("coder_agent", agent) for t in mod.trace(node))

    for external in module.resources_of(*EXTERNAL_AGENT_TYPES):
        if any(names_agent(module, node) for node in external.block.attributes.values()):
            return True
    everything = ctx.project or ctx
    by_directory = {m.directory: m for m in everything.modules}
    for directory, call in module.local_calls():  # a called directory declares the external agent
        callee = by_directory.get(directory)
        if callee is None:
            continue
        given = {name for name, node in call.attributes.items() if names_agent(module, node)}
        for external in callee.resources_of(*EXTERNAL_AGENT_TYPES):
            for node in external.block.attributes.values():
                if any(t.reference.kind == "var" and t.reference.parts[1] in given for t in callee.trace(node)):
                    return True
    outputs = {block.labels[0] for tf in module.files for block in tf.body.blocks_of("output")
               if block.labels and names_agent(module, block.attr("value"))}
    if outputs:  # a calling directory declares it, from an output that gives this agent
        for caller, call in ctx.callers(module):
            for external in caller.resources_of(*EXTERNAL_AGENT_TYPES):
                for node in external.block.attributes.values():
                    if any(t.reference.parts[:2] == ("module", call.labels[0]) and t.reference.parts[2:3] and
                           t.reference.parts[2] in outputs for t in caller.trace(node)):
                        return True
    return False


def _may_use_init_script(ref: Reference, agent: str) -> bool:
    """``coder_agent.<agent>.init_script``, or the whole agent object (which may be passed on)."""
    return ref.parts[:2] == ("coder_agent", agent) and ref.attribute[:1] in ((), ("init_script",))
