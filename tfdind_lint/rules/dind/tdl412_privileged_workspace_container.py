"""TDL412 privileged-workspace-container: The container that runs the Coder agent is privileged, so workspace users
can become root on the host."""

from __future__ import annotations

from ...context import Context
from ...finding import Hit
from ...model import roles, scripts
from .helpers import privileged_containers

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator


def check(ctx: Context, *, exempt_envbox, envbox_images, runtimes) -> Iterator[Hit]:
    """TDL412: the container that runs the Coder agent is privileged."""
    for container, is_agent in privileged_containers(ctx, exempt_envbox, envbox_images, runtimes):
        if not is_agent:
            continue
        workload = container.workload
        if _runs_dockerd(workload, container):
            hint = "use the Sysbox runtime (Docker runs there unprivileged), or move dockerd into a sidecar"
        else:
            hint = "drop `privileged` if nothing in the workspace needs it, or use the Sysbox runtime for what does"
        yield Hit(
            container.privileged.where,
            f"`{container.display_name}` runs the Coder agent privileged: the workspace user can gain root on the host",
            hint=hint,
            subject=workload.address,
            attribute=roles.container_attribute(container, "privileged"),
            owner=workload.owner,
        )


def _runs_dockerd(workload, container) -> bool:
    """The container runs a Docker daemon: a dind image or command, or the agent's startup script starts one."""
    if roles.is_dind(container):
        return True
    return any(scripts.search(script, scripts.STARTS_DOCKER) is not None
               for script in scripts.agent_startup_scripts(workload, container))
