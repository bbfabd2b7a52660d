"""TDL401 privileged-sidecar-unacknowledged: A privileged sidecar (such as docker:dind) that nobody acknowledged with
a reason."""

from __future__ import annotations

from ...context import Context
from ...finding import Hit
from ...model import roles
from .helpers import privileged_containers

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator


def check(ctx: Context, *, exempt_envbox, envbox_images, runtimes) -> Iterator[Hit]:
    """TDL401: a privileged container that does not run the agent (a dind sidecar), not acknowledged."""
    for container, is_agent in privileged_containers(ctx, exempt_envbox, envbox_images, runtimes):
        if is_agent:
            continue
        workload = container.workload
        acknowledge = "acknowledge it with `# tfdind-lint: ignore[TDL401] -- <reason>`"
        if roles.is_dind(container):
            message = f"`{container.display_name}` is a privileged Docker-in-Docker sidecar: its Docker API is root on the host"
            hint = (f"use Sysbox, envbox or rootless Podman, or {acknowledge}: whoever reaches that API (the "
                    "workspace user, through `DOCKER_HOST`) can start a container that owns the host")
        else:
            message = f"`{container.display_name}` is a privileged sidecar: whatever it runs is root on the host"
            hint = (f"drop `privileged` if it does not need it, or {acknowledge}: the workspace user may not control "
                    "it, but a compromised image or input of it owns the host")
        yield Hit(
            container.privileged.where,
            message,
            hint=hint,
            subject=workload.address,
            attribute=roles.container_attribute(container, "privileged"),
            owner=workload.owner,
        )
