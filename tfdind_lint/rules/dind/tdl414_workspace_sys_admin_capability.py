"""TDL414 workspace-sys-admin-capability: The container that runs the Coder agent adds CAP_SYS_ADMIN (or ALL) without
Sysbox."""

from __future__ import annotations

from ...context import Context
from ...finding import Hit
from ...model import roles
from ...workload import truthy

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator


def check(ctx: Context, *, capabilities, runtimes) -> Iterator[Hit]:
    """TDL414: the container that runs the Coder agent adds CAP_SYS_ADMIN (or ALL) without being privileged."""
    for unit in ctx.units:
        for container in roles.agent_containers(unit.workloads, roles.is_coder_workspace(ctx, unit)):
            workload = container.workload
            privileged = container.privileged
            if privileged is not None and (truthy(privileged) or not privileged.known):
                continue  # privileged is TDL412's; unknown is not bad
            if roles.uses_runtime(workload, runtimes) or roles.is_envbox(container):
                continue  # capabilities of a Sysbox container stay in its user namespace
            keys = ("capabilities", "add")
            if workload.kind != "docker_container":
                keys = (workload.spell("security_context"),) + keys
            for item in container.capabilities_add.items() if container.capabilities_add is not None else ():
                if not isinstance(item.value, str):
                    continue
                name = item.value.strip().upper().removeprefix("CAP_")
                if name not in capabilities:
                    continue
                yield Hit(
                    item.where,
                    f"`{container.display_name}` runs the Coder agent with `{item.value}`, close to privileged",
                    hint="use the Sysbox runtime: Docker in a workspace does not need it, and it opens mounts, "
                         "namespaces and kernel interfaces to workspace processes",
                    subject=workload.address, owner=workload.owner,
                    attribute=roles.attribute_path(container, *keys),
                )
