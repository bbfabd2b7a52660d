"""TDL603 devcontainer-integration-disabled: CODER_AGENT_DEVCONTAINERS_ENABLE is false on an agent the template asks
to start a dev container on."""

from __future__ import annotations

from collections.abc import Iterator

from ...context import Context
from ...finding import Hit, Related
from ...model import daemon as daemons
from .helpers import by_agent, first_use, integration_units, use_container

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
                      related=(Related(use.span, "a dev container is asked for here"),))
