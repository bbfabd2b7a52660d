"""TDL104 sysbox-host-namespace-conflict: A Sysbox container that shares a host namespace (network, PID, user; IPC is
a warning)."""

from __future__ import annotations

from ... import edits
from ...context import Context
from ...finding import Hit, Severity
from ...fix import Fix, unsafe
from ...model.roles import sysbox_workloads
from ...node import Node
from ...workload import Workload, truthy
from .helpers import runtime_related

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

#: Docker attribute -> the namespace it shares with the host when set to "host"
_DOCKER_HOST_MODES = {"network_mode": "network", "pid_mode": "PID", "userns_mode": "user", "ipc_mode": "IPC"}
_POD_HOST_FLAGS = {"host_network": "network", "host_pid": "PID", "host_ipc": "IPC"}


def check(ctx: Context, *, runtimes) -> Iterator[Hit]:
    """TDL104: host namespaces on the Sysbox runtime (the IPC namespace: warning)."""
    for workload in sysbox_workloads(ctx, runtimes):
        docker = workload.kind == "docker_container"
        for name, namespace in (_DOCKER_HOST_MODES if docker else _POD_HOST_FLAGS).items():
            node = getattr(workload, name)
            if not (node is not None and node.value == "host" if docker else truthy(node)):
                continue
            key = name if docker else workload.spell(name)
            written = f'{key} = "host"' if docker else workload.spell(name, True)
            yield Hit(node.where,
                      f"`{written}` shares the host's {namespace} namespace, which Sysbox does not support",
                      hint=f"remove `{key}`: system containers always get their own namespaces",
                      subject=workload.address, attribute=key,
                      related=(runtime_related(workload),), owner=workload.owner,
                      severity=Severity.WARNING if namespace == "IPC" else None,
                      fix=_fix(ctx, workload, node, name, written))


def _fix(ctx: Context, workload: Workload, node: Node, name: str, written: str) -> Fix | None:
    """Remove the setting: Docker's default modes and a pod's own namespaces are what Sysbox supports.

    Unsafe: what relied on the host's namespace (a host port, the host's processes) stops working.
    """
    region = edits.object_region(workload)
    if region is None:
        return None
    edit = edits.delete_own_attribute(edits.source(ctx, node.span.path), node, (name, workload.spell(name)), region)
    return unsafe(f"Remove `{written}`", edit) if edit is not None else None
