"""TDL006 agent-token-not-wired: A container runs an agent's init script without CODER_AGENT_TOKEN, or with another
agent's token."""

from __future__ import annotations

from ... import edits
from ...context import Context
from ...finding import Hit, Related
from ...fix import Fix, safe
from ...module import Module
from ...node import Block, Reference
from ...workload import Container, Workload

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator


def _token_authenticated(module: Module, agent: str) -> bool:
    """Whether ``coder_agent.<agent>`` authenticates with its token (auth unset or "token")."""
    for resource in module.resources_of("coder_agent"):
        if resource.name == agent:
            auth = module.evaluate(resource.block.attr("auth"))
            return auth is None or auth.value == "token"
    return True


def check(ctx: Context) -> Iterator[Hit]:
    """TDL006: a container runs an agent's init script without that agent's CODER_AGENT_TOKEN."""
    for workload in ctx.workloads:
        module = workload.module
        if workload.origin != "terraform" or module is None:
            continue
        for container in workload.all_containers():
            agents: dict[str, Reference] = {}
            for ref in container.agent_scripts():
                if _token_authenticated(module, ref.parts[1]):
                    agents.setdefault(ref.parts[1], ref)
            if not agents:
                continue
            agent, script = next(iter(agents.items()))
            runs = Related(script.span, f"`coder_agent.{agent}`'s init script runs here")
            env = container.env_named("CODER_AGENT_TOKEN")
            if env is None:
                if container.env_open:
                    continue
                yield Hit(
                    container.span,
                    f"`{container.display_name}` runs `coder_agent.{agent}`'s init script without its `CODER_AGENT_TOKEN`",
                    hint=f"add {_token_env(workload, agent)}: without it the agent cannot authenticate and the "
                         "workspace never connects",
                    subject=workload.address, attribute=workload.spell("env"), related=(runs,), owner=workload.owner,
                    fix=_add_token(ctx, workload, container, agent) if _sure(module, agents) else None,
                )
                continue
            if env.value_from is not None or env.value is None:
                continue  # a Secret or another source the tool cannot read
            tokens = [t.reference for t in module.trace(env.value)
                      if t.reference.parts[0] == "coder_agent" and t.reference.attribute[:1] == ("token",)]
            if not tokens or any(t.parts[1] in agents for t in tokens):
                continue
            other = tokens[0]
            yield Hit(
                env.value.where,
                f"`CODER_AGENT_TOKEN` is `{other.text}`, but this container runs `coder_agent.{agent}`'s init script",
                hint=f"use `coder_agent.{agent}.token`: the agent presents another agent's token and cannot connect",
                subject=workload.address, attribute=workload.spell("env"), related=(runs,), owner=workload.owner,
                fix=_repair_token(ctx, env.value, other, agent) if _sure(module, agents) and len(tokens) == 1 else None,
            )


def _sure(module: Module, agents: dict[str, Reference]) -> bool:
    """Whether the token the container needs is beyond doubt: it runs one agent's init script, an agent
    declared in the module."""
    return len(agents) == 1 and any(r.name in agents for r in module.resources_of("coder_agent"))


def _add_token(ctx, workload: Workload, container: Container, agent: str) -> Fix | None:
    """Add ``CODER_AGENT_TOKEN`` to the container's env: an item of a Docker ``env`` list, or an ``env`` block
    (after the container's other ``env`` blocks, else after its attributes)."""
    block = container.source
    if not isinstance(block, Block) or workload.api_names:
        return None  # a kubernetes_manifest object: no fix yet
    text = edits.source(ctx, block.span.path)
    token = f"coder_agent.{agent}.token"
    if workload.kind == "docker_container":
        item = f'"CODER_AGENT_TOKEN=${{{token}}}"'
        env = block.attr("env")
        edit = edits.append_item(text, env, item) if env is not None else \
            edits.insert_attribute(text, block, f"{_aligned(text, block, 'env')} = [{item}]")
    else:
        entry = f'env {{\n  name  = "CODER_AGENT_TOKEN"\n  value = {token}\n}}'
        written = [b for b in block.blocks if b.type == "env"]
        edit = edits.insert_block_after(text, written[-1], entry, apart=False) if written else \
            edits.insert_attribute(text, block, entry)
    return safe(f"Set CODER_AGENT_TOKEN to {token}", edit) if edit is not None else None


def _aligned(text, block: Block, name: str) -> str:
    """``name`` padded so that its ``=`` lines up with the block's last attribute's, as terraform fmt aligns
    the attributes of consecutive lines."""
    attributes = [node for node in block.attributes.values() if node.key is not None]
    if text is None or not attributes:
        return name
    last = max(attributes, key=lambda node: (node.span.end_line, node.span.end_column))
    if last.span.line != last.span.end_line:
        return name  # a multi-line value ends the alignment group
    line = text.line(last.key.line)
    equals = line.find("=", last.key.end_column - 1)
    return name.ljust(equals - (last.key.column - 1) - 1) if equals > 0 else name


def _repair_token(ctx, value, other: Reference, agent: str) -> Fix | None:
    """``coder_agent.<other>.token`` -> ``coder_agent.<agent>.token``, where the value itself writes it."""
    text = edits.source(ctx, other.span.path)
    wrong, right = f"coder_agent.{other.parts[1]}.token", f"coder_agent.{agent}.token"
    if text is None or value is None or other.span.path != value.span.path:
        return None
    start, end = text.range(value.span)
    at, to = text.range(other.span)
    if not start <= at < to <= end or text.text[at:to] != wrong:
        return None  # through a local, or written with an index: leave it to the user
    return safe(f"Use {right}", edits.replace(other.span, right))


def _token_env(workload: Workload, agent: str) -> str:
    token = f"coder_agent.{agent}.token"
    if workload.kind == "docker_container":
        return f'`env = ["CODER_AGENT_TOKEN=${{{token}}}"]`'
    if workload.api_names:
        return f"`{{ name = \"CODER_AGENT_TOKEN\", value = {token} }}` to its `env`"
    return f'`env {{ name = "CODER_AGENT_TOKEN" value = {token} }}`'
