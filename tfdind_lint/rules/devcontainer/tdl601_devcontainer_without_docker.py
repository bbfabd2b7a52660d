"""TDL601 devcontainer-without-docker: Dev Containers are used, but the agent's workspace has no Docker daemon by any
method the tool knows."""

from __future__ import annotations

from ...context import Context
from ...finding import Hit, Related
from .helpers import by_agent, first_use, integration_units, use_container

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator


def check(ctx: Context) -> Iterator[Hit]:
    """TDL601: the integration is used but the agent's workspace has no Docker daemon."""
    for _, model, found in integration_units(ctx):
        for group in by_agent(found).values():
            use = first_use(group)
            container = use_container(model, use)
            if container is None:
                continue  # the agent runs somewhere the template does not show (a VM, an external host)
            access = model.access(container)
            if access.method != "none":
                continue
            workload = container.workload
            why = f" ({access.reason})" if access.reason else ""
            related = [Related(workload.span, f"the workspace `{container.display_name}` is defined here{why}")]
            related += [Related(u.span, "the integration is also used here") for u in group if u is not use]
            yield Hit(use.span, f"Workspace `{container.display_name}` has no Docker daemon, so its dev containers cannot start",
                      subject=use.subject, attribute=use.attribute, related=tuple(related), owner=use.owner)
