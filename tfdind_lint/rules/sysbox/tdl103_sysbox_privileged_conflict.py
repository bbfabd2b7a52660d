"""TDL103 sysbox-privileged-conflict: A privileged container on the Sysbox runtime, which does not support privileged
containers."""

from __future__ import annotations

from collections.abc import Iterator

from ...context import Context
from ...finding import Hit
from ...model import roles
from .helpers import runtime_related, sysbox_workloads


def check(ctx: Context, *, runtimes, envbox_images) -> Iterator[Hit]:
    """TDL103: a privileged container on the Sysbox runtime."""
    for workload in sysbox_workloads(ctx, runtimes):
        for container in workload.all_containers():
            if not roles.is_privileged(container) or roles.is_envbox(container, envbox_images):
                continue  # envbox on Sysbox is TDL106's finding
            yield Hit(container.privileged.where,
                      f"`{container.display_name}` is privileged on the Sysbox runtime, which does not support it",
                      hint=f"remove `{workload.spell('privileged', True)}`: under Sysbox, Docker and systemd run "
                           "without it (privileged would break container-to-host isolation)",
                      subject=workload.address, attribute=roles.container_attribute(container, "privileged"),
                      related=(runtime_related(workload),), owner=workload.owner)
