"""TDL203 envbox-agent-wiring-mismatch: Envbox's CODER_AGENT_TOKEN and CODER_BOOTSTRAP_SCRIPT come from different
agents, or one is a literal."""

from __future__ import annotations

from collections.abc import Iterator

from ...context import Context
from ...finding import Hit, Related
from ...node import Unknown
from ...workload import Env
from .helpers import env_text, envbox_containers, envbox_hit


def _agents(env: Env | None, attribute: str) -> set[str] | None:
    """The agents whose ``attribute`` an env value references; None when the value is not a reference at all."""
    if env is None or env.value is None:
        return None
    value = env.value.value
    if not isinstance(value, Unknown):
        return set()  # a literal
    found = {r.parts[1] for r in value.references if r.parts[0] == "coder_agent" and r.attribute == (attribute,)}
    return found or None


def check(ctx: Context, *, envbox_images) -> Iterator[Hit]:
    """TDL203: CODER_AGENT_TOKEN and CODER_BOOTSTRAP_SCRIPT of different agents, or a literal one."""
    for workload, container in envbox_containers(ctx, envbox_images):
        if workload.origin != "terraform":
            continue  # a manifest cannot reference a coder_agent
        token_env = container.env_named("CODER_AGENT_TOKEN")
        script_env = container.env_named("CODER_BOOTSTRAP_SCRIPT")
        token = _agents(token_env, "token")
        script = _agents(script_env, "init_script")
        for env, agents, attribute in ((token_env, token, "token"), (script_env, script, "init_script")):
            if agents == set() and env_text(env.value, workload):
                yield envbox_hit(container, env.value.where,
                           f"`{env.name}` of envbox container `{container.display_name}` is a literal string, not "
                           f"an agent's `{attribute}`", "env", env.name,
                           hint=f"use `coder_agent.<name>.{attribute}`: the agent in the inner container cannot "
                                "start with a literal")
        if token and script and not token & script:
            agent, other = sorted(script)[0], sorted(token)[0]
            yield envbox_hit(container, script_env.value.where,
                       f"`CODER_BOOTSTRAP_SCRIPT` starts `coder_agent.{agent}` with `coder_agent.{other}`'s token",
                       "env", "CODER_BOOTSTRAP_SCRIPT",
                       hint="take both from the same agent: with another agent's token it never connects",
                       related=(Related(token_env.value.where, f"the token of `coder_agent.{other}`"),))
