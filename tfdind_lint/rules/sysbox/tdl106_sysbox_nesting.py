"""TDL106 sysbox-nesting: An envbox container scheduled on the Sysbox runtime (Sysbox cannot run inside Sysbox)."""

from __future__ import annotations

from ...context import Context
from ...finding import Hit, Related
from ...model import roles
from ...model.roles import sysbox_workloads

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator


def check(ctx: Context, *, runtimes, envbox_images) -> Iterator[Hit]:
    """TDL106: envbox (Sysbox in a container) scheduled on the Sysbox runtime."""
    for workload in sysbox_workloads(ctx, runtimes):
        for container in workload.all_containers():
            if not roles.is_envbox(container, envbox_images):
                continue
            evidence = container.image if roles.image_matches(container, envbox_images) else container.argv()[0]
            runtime = workload.runtime
            yield Hit(runtime.where,
                      f"`{container.display_name}` runs envbox on the Sysbox runtime: Sysbox cannot run inside Sysbox",
                      hint=f"pick one method: remove `{workload.spell('runtime_class_name', runtime.value)}` "
                           "(envbox), or run the workspace image directly under Sysbox",
                      subject=workload.address, attribute=workload.spell("runtime_class_name"),
                      related=(Related(evidence.where, "envbox runs here"),), owner=workload.owner)
            break
