"""TDL203 envbox-agent-wiring-mismatch: Envbox's CODER_AGENT_TOKEN and CODER_BOOTSTRAP_SCRIPT come from different
agents, or one is a literal."""

from __future__ import annotations

from ... import edits
from ...context import Context
from ...finding import Hit, Related
from ...fix import Fix, safe
from ...model.roles import envbox_containers
from ...node import Unknown
from ...workload import Container, Env
from .helpers import env_text, envbox_hit

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator


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
                       related=(Related(token_env.value.where, f"the token of `coder_agent.{other}`"),),
                       fix=_fix(ctx, container, token_env, other, script_env, agent)
                       if len(token) == len(script) == 1 else None)


def _fix(ctx: Context, container: Container, token_env: Env, token: str, script_env: Env, script: str) -> Fix | None:
    """Take both values from one agent, when one of the two is referenced nowhere else in the module.

    Every agent runs in one place.  The agent referenced nowhere else is either a stray (the other
    one, used by apps or scripts but run nowhere else, belongs here) or, when the other one already
    runs in another container (its token or init script used there), the one this container is for.
    """
    module = container.workload.module
    block = container.source
    if module is None or block is None:
        return None
    here = (token_env.value.where, script_env.value.where)
    uses = {token: [], script: []}
    for use in module.uses:
        reference = use.reference
        if reference.parts[:1] == ("coder_agent",) and len(reference.parts) > 1 and reference.parts[1] in uses \
                and not any(edits.inside(reference.span, span) for span in here):
            uses[reference.parts[1]].append(reference)
    unused = [agent for agent, found in uses.items() if not found]
    if len(unused) != 1:
        return None  # both used elsewhere, or neither: which agent this container is for is a guess
    stray, other = unused[0], token if unused[0] == script else script
    runs_elsewhere = any(r.parts[2:3] in (("token",), ("init_script",)) for r in uses[other])
    keep, drop = (stray, other) if runs_elsewhere else (other, stray)
    env, attribute = (token_env, "token") if drop == token else (script_env, "init_script")
    if not edits.inside(env.value.where, block.span):
        return None  # the value comes from elsewhere (a local others may read)
    text = edits.source(ctx, env.value.where.path)
    old, new = f"coder_agent.{drop}.{attribute}", f"coder_agent.{keep}.{attribute}"
    if text is None:
        return None
    start, end = text.range(env.value.where)
    if text.text.count(old, start, end) != 1:
        return None
    edit = edits.replace_in(text, env.value.where, old, new)
    return safe(f"Use `{new}`", edit) if edit is not None else None

