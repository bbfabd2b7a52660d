"""TDL410 host-docker-socket-mount: A workspace container mounts the host's Docker, containerd or CRI-O socket."""

from __future__ import annotations

from ...context import Context
from ...finding import Hit, Related
from ...model import roles

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

#: what a socket path names, for the message (a socket the configuration adds may be none of them)
SOCKET_KINDS = (("docker", "Docker"), ("containerd", "containerd"), ("crio", "CRI-O"))


def check(ctx: Context, *, sockets) -> Iterator[Hit]:
    """TDL410: a workspace container mounts the host's Docker / containerd / CRI-O socket."""
    for unit in ctx.units:
        workspace = roles.is_coder_workspace(ctx, unit)
        agents = roles.agent_containers(unit.workloads, workspace)
        for workload in unit.workloads:
            if not roles.is_workspace_workload(workload, agents, workspace):
                continue
            mounted: dict[int, tuple] = {}  # one finding per host path, naming every container that mounts it
            for container in workload.all_containers():
                for mount in container.mounts:
                    volume = mount.volume
                    if volume is None or volume.kind not in ("bind", "host_path") or volume.source is None:
                        continue
                    if roles.normal_path(volume.source) not in sockets:
                        continue
                    mounted.setdefault(id(volume.source), (volume.source, []))[1].append((container, mount))
            for source, users in mounted.values():
                kind = next((k for part, k in SOCKET_KINDS if part in source.value), "container engine")
                who = ", ".join(f"`{c.display_name}`" for c, _ in users)
                docker = workload.kind == "docker_container"  # the mount is the block holding the path
                related = () if docker else tuple(Related(m.span, f"mounted into `{c.display_name}`") for c, m in users)
                yield Hit(
                    source.where,
                    f"{who} {'mount' if len(users) > 1 else 'mounts'} the host's {kind} socket: whoever uses it is root "
                    "on the host",
                    hint="use Sysbox, envbox, rootless Podman or a dind sidecar, or record the decision with "
                         "`# tfdind-lint: ignore[TDL410] -- <reason>`",
                    subject=workload.address, attribute=roles.attribute_path(users[0][0], source.name or "host_path"),
                    related=related, owner=workload.owner,
                )
