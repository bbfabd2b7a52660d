"""TDL506 userns-host-namespace-conflict: A pod with hostUsers false that shares a host namespace, which Kubernetes
rejects."""

from __future__ import annotations

from ...context import Context
from ...finding import Hit, Related, Severity
from ...model.roles import userns_workloads
from ...workload import truthy
from .helpers import parse_k8s_version

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

HOST_NETWORK_GATE = "UserNamespacesHostNetworkSupport"
HOST_NETWORK_SINCE = (1, 35)


def check(ctx: Context, *, runtimes, k8s_version, feature_gates) -> Iterator[Hit]:
    """TDL506: ``hostUsers: false`` with hostPID / hostIPC / hostNetwork."""
    for workload in userns_workloads(ctx, runtimes):  # host namespaces of Sysbox pods are TDL104's finding
        version = parse_k8s_version(k8s_version)
        network_allowed = version is not None and version >= HOST_NETWORK_SINCE and HOST_NETWORK_GATE in feature_gates
        for name, namespace in (("host_pid", "PID"), ("host_ipc", "IPC"), ("host_network", "network")):
            node = getattr(workload, name)
            if not truthy(node):
                continue
            written = workload.spell(name, True)
            users = workload.spell("host_users", False)
            related = (Related(workload.host_users.where, "the pod asks for its own user namespace here"),)
            common = dict(subject=workload.address, attribute=workload.spell(name), related=related, owner=workload.owner)
            if namespace != "network":
                yield Hit(node.where,
                          f"`{written}` with `{users}`: Kubernetes rejects a pod in its own user namespace that shares "
                          f"the host's {namespace}", hint=f"remove `{workload.spell(name)}`", **common)
            elif network_allowed:
                yield Hit(node.where,
                          f"`{written}` with `{users}` relies on the alpha `{HOST_NETWORK_GATE}` feature gate of "
                          "Kubernetes >= 1.35: it fails on clusters without it", severity=Severity.NOTE, **common)
            else:
                yield Hit(node.where,
                          f"`{written}` with `{users}`: Kubernetes rejects a user-namespaced pod on the host's network",
                          hint=f"remove `{workload.spell(name)}` (only Kubernetes >= 1.35 with the alpha "
                               f"`{HOST_NETWORK_GATE}` feature gate admits it)", **common)
