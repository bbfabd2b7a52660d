"""TDL006 agent-token-not-wired: A container runs an agent's init script without CODER_AGENT_TOKEN, or with another
agent's token."""

from __future__ import annotations

from collections.abc import Iterator

from ...context import Context
from ...finding import Hit, Related
from ...module import Module
from ...node import Reference
from ...workload import Workload


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
            )


def _token_env(workload: Workload, agent: str) -> str:
    token = f"coder_agent.{agent}.token"
    if workload.kind == "docker_container":
        return f'`env = ["CODER_AGENT_TOKEN=${{{token}}}"]`'
    if workload.api_names:
        return f"`{{ name = \"CODER_AGENT_TOKEN\", value = {token} }}` to its `env`"
    return f'`env {{ name = "CODER_AGENT_TOKEN" value = {token} }}`'
