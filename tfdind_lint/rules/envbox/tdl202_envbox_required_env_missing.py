"""TDL202 envbox-required-env-missing: An envbox container without CODER_INNER_IMAGE, CODER_INNER_USERNAME or
CODER_AGENT_TOKEN."""

from __future__ import annotations

from ...context import Context
from ...finding import Hit, Severity
from ...model.roles import envbox_containers
from ...node import Block, Node
from ...workload import Container
from .helpers import env_text, env_unseen, envbox_hit

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

REQUIRED_ENV = ("CODER_INNER_IMAGE", "CODER_INNER_USERNAME", "CODER_AGENT_TOKEN")
#: Optional for envbox, but without them no agent starts / no start-up logs reach Coder (note level).
EXPECTED_ENV = ("CODER_BOOTSTRAP_SCRIPT", "CODER_AGENT_URL")
#: The envbox flag each required variable feeds (envbox ``cli/docker.go``, "// Required flags.").
_FLAGS = {
    "CODER_INNER_IMAGE": "`--image`, the workspace image",
    "CODER_INNER_USERNAME": "`--username`, the user of the inner container",
    "CODER_AGENT_TOKEN": "`--agent-token`, handed to the agent in the inner container",
}
#: What goes missing without each expected variable, and what to set it to.
_WITHOUT = {
    "CODER_BOOTSTRAP_SCRIPT": ("no Coder agent starts in the inner container", "set it to the agent's `init_script`"),
    "CODER_AGENT_URL": ("envbox sends no start-up logs to Coder", "set it to `data.coder_workspace.me.access_url`"),
}


def check(ctx: Context, *, envbox_images) -> Iterator[Hit]:
    """TDL202: an envbox container without CODER_INNER_IMAGE, CODER_INNER_USERNAME or CODER_AGENT_TOKEN."""
    for workload, container in envbox_containers(ctx, envbox_images):
        name = container.display_name
        for variable in REQUIRED_ENV:
            env = container.env_named(variable)
            if env is not None and env.value_from is None and env_text(env.value, workload) == "":
                yield envbox_hit(container, env.value.where, f"`{variable}` is empty on envbox container `{name}`, which "
                           "envbox reads as unset", "env", variable,
                           hint=f"set it: envbox requires it ({_FLAGS[variable]})")
        unseen = env_unseen(container)
        missing = [v for v in REQUIRED_ENV if container.env_named(v) is None]
        if missing and unseen and _env_from(container):
            listed = ", ".join(f"`{v}` ({_FLAGS[v]})" for v in missing)
            yield envbox_hit(container, container.span, f"Envbox container `{name}` leaves variables envbox requires to "
                       f"`{workload.spell('env_from')}`", "env", severity=Severity.NOTE,
                       hint=f"make sure the ConfigMap or Secret provides {listed}")
        elif missing and not unseen:
            listed = ", ".join(f"`{v}` ({_FLAGS[v]})" for v in missing)
            names = ", ".join(f"`{v}`" for v in missing)
            yield envbox_hit(container, container.span, f"Envbox container `{name}` has no {names}, so the workspace does "
                       "not start", "env", hint=f"add to its `env`: {listed}")
        for variable in EXPECTED_ENV:
            if container.env_named(variable) is None and not unseen:
                without, fix = _WITHOUT[variable]
                yield envbox_hit(container, container.span, f"Envbox container `{name}` has no `{variable}`: {without}",
                           "env", variable, severity=Severity.NOTE, hint=fix)


def _env_from(container: Container) -> bool:
    """The container takes env from a ConfigMap / Secret (rather than from a list the tool cannot read)."""
    source = container.source
    if isinstance(source, Block):
        return source.has_block("env_from")
    return isinstance(source, Node) and source.get("envFrom") is not None
