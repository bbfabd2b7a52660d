"""TDL501 systemd-requires-root: A Sysbox container starts systemd as PID 1 while running as a non-root user."""

from __future__ import annotations

from ... import edits
from ...context import Context
from ...finding import Hit, Related
from ...fix import Fix
from ...model import roles
from ...model.roles import sysbox_workloads
from ...node import Node
from ...workload import truthy
from .helpers import systemd_span

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator


def check(ctx: Context, *, runtimes) -> Iterator[Hit]:
    """TDL501: a Sysbox container that starts systemd as PID 1 while running as a non-root user."""
    for workload in sysbox_workloads(ctx, runtimes):
        for container in workload.containers:
            init = roles.execs_systemd(container)
            if init is None:
                continue
            related = (Related(systemd_span(init), "systemd starts here as PID 1"),)
            user = workload.effective_run_as_user(container)
            if user is not None and user.known and user.value not in (0, "0", "root", "", None):  # "": the image's user
                written = workload.spell("run_as_user", user.value)
                root = workload.spell("run_as_user", 0)
                yield Hit(user.where,
                          f"`{container.display_name}` starts systemd as PID 1, but `{written}` runs it as a non-root "
                          "user, and systemd needs root",
                          hint=f"set `{root}`: under Sysbox, root in the container is an unprivileged user on the host",
                          subject=workload.address, attribute=_security_attribute(container, user, "run_as_user"),
                          related=related, owner=workload.owner, fix=_fix(ctx, container, user))
                continue
            non_root = workload.effective_run_as_non_root(container)
            if truthy(non_root):
                yield Hit(non_root.where,
                          f"`{container.display_name}` starts systemd, which needs root, but "
                          f"`{workload.spell('run_as_non_root', True)}` forbids it",
                          hint=f"remove it and set `{workload.spell('run_as_user', 0)}`: under Sysbox, root in the "
                               "container is an unprivileged user on the host",
                          subject=workload.address,
                          attribute=_security_attribute(container, non_root, "run_as_non_root"),
                          related=related, owner=workload.owner, fix=_fix(ctx, container, non_root))


def _security_attribute(container, node: Node, name: str) -> str:
    """The attribute path of a user setting: the container's, the pod's (inherited), or Docker's ``user``."""
    workload = container.workload
    if workload.kind == "docker_container":
        return "user"
    if node is getattr(container, name):
        return roles.container_attribute(container, name)
    return f"{workload.spell('security_context')}.{workload.spell(name)}"


def _fix(ctx, container, node) -> Fix | None:
    """systemd as PID 1 under Sysbox, run as non-root: root for that container (as TDL408)."""
    own = node is container.run_as_user or node is container.run_as_non_root
    return edits.run_as_root(ctx, container, node, own, container.workload.kind == "docker_container", "systemd")
