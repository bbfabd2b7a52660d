"""4xx: privileged containers and the docker:dind sidecar (RULES.md group 4xx)."""

from __future__ import annotations

from typing import Iterator

from ..context import Context
from ..finding import Hit, Related
from ..workload import truthy
from . import roles

HOST_SOCKETS = (
    "/var/run/docker.sock", "/run/docker.sock",
    "/run/containerd/containerd.sock", "/var/run/containerd/containerd.sock",
    "/var/run/crio/crio.sock", "/run/crio/crio.sock",
)
#: what a socket path names, for the message (a socket the configuration adds may be none of them)
SOCKET_KINDS = (("docker", "Docker"), ("containerd", "containerd"), ("crio", "CRI-O"))


def _privileged_containers(ctx: Context, exempt_envbox: bool, envbox_images, runtimes):
    """(container, runs the agent) for every privileged container of a workspace, envbox exempted if asked.

    Pods on the Sysbox runtime are left out: privilege there is TDL103's finding (one finding per mistake).
    """
    for unit in ctx.units:
        workspace = roles.is_coder_workspace(ctx, unit)
        agents = roles.agent_containers(unit.workloads, workspace)
        for workload in unit.workloads:
            if not roles.is_workspace_workload(workload, agents, workspace) or roles.uses_runtime(workload, runtimes):
                continue
            for container in workload.all_containers():
                if not roles.is_privileged(container):
                    continue
                if exempt_envbox and roles.is_envbox(container, envbox_images):
                    continue
                yield container, container in agents


def privileged_sidecar_unacknowledged(ctx: Context, *, exempt_envbox=True, envbox_images=roles.DEFAULT_ENVBOX_IMAGES,
                                      runtimes=roles.SYSBOX_RUNTIMES) -> Iterator[Hit]:
    """TDL401: a privileged container that does not run the agent (a dind sidecar), not acknowledged."""
    for container, is_agent in _privileged_containers(ctx, exempt_envbox, envbox_images, runtimes):
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


def privileged_workspace_container(ctx: Context, *, exempt_envbox=True, envbox_images=roles.DEFAULT_ENVBOX_IMAGES,
                                   runtimes=roles.SYSBOX_RUNTIMES) -> Iterator[Hit]:
    """TDL412: the container that runs the Coder agent is privileged."""
    for container, is_agent in _privileged_containers(ctx, exempt_envbox, envbox_images, runtimes):
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
    from . import scripts  # noqa: PLC0415

    return any(scripts.search(script, scripts.STARTS_DOCKER) is not None
               for script in scripts.agent_startup_scripts(workload, container))


def host_docker_socket_mount(ctx: Context, *, sockets=HOST_SOCKETS) -> Iterator[Hit]:
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


def workspace_sys_admin_capability(ctx: Context, *, capabilities=("SYS_ADMIN", "ALL"),
                                   runtimes=roles.SYSBOX_RUNTIMES) -> Iterator[Hit]:
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


CHECKS = {
    "TDL401": privileged_sidecar_unacknowledged,
    "TDL410": host_docker_socket_mount,
    "TDL412": privileged_workspace_container,
    "TDL414": workspace_sys_admin_capability,
}

#: rule ids of this group that look across files (they get every unit of the run at once)
PROJECT_SCOPED: frozenset[str] = frozenset()
