"""4xx: privileged containers and the docker:dind sidecar (RULES.md group 4xx)."""

from __future__ import annotations

from typing import Iterator

from ..context import Context
from ..finding import Hit
from . import roles


def _privileged_containers(ctx: Context, exempt_envbox: bool, envbox_images):
    """(container, runs the agent) for every privileged container of a workspace, envbox exempted if asked."""
    for unit in ctx.units:
        agents = roles.agent_containers(unit.workloads)
        for workload in unit.workloads:
            if not roles.is_workspace_workload(workload, agents):
                continue
            for container in workload.all_containers():
                if not roles.is_privileged(container):
                    continue
                if exempt_envbox and roles.is_envbox(container, envbox_images):
                    continue
                yield container, container in agents


def privileged_sidecar_unacknowledged(ctx: Context, *, exempt_envbox=True,
                                      envbox_images=roles.DEFAULT_ENVBOX_IMAGES) -> Iterator[Hit]:
    """TDL401: a privileged container that does not run the agent (a dind sidecar), not acknowledged."""
    for container, is_agent in _privileged_containers(ctx, exempt_envbox, envbox_images):
        if is_agent:
            continue
        workload = container.workload
        what = "a Docker-in-Docker sidecar" if roles.is_dind(container) else "a sidecar"
        yield Hit(
            container.privileged.where,
            f"`{container.display_name}` is {what} running privileged: workspaces can gain root on the host. "
            "Acknowledge it with `# tfdind-lint: ignore[TDL401] -- <reason>` or use Sysbox, envbox or rootless Podman",
            subject=workload.address,
            attribute=_attribute(container, "privileged"),
            owner=workload.owner,
        )


def privileged_workspace_container(ctx: Context, *, exempt_envbox=True, envbox_images=roles.DEFAULT_ENVBOX_IMAGES,
                                   runtimes=roles.SYSBOX_RUNTIMES) -> Iterator[Hit]:
    """TDL412: the container that runs the Coder agent is privileged."""
    for container, is_agent in _privileged_containers(ctx, exempt_envbox, envbox_images):
        if not is_agent or roles.uses_runtime(container.workload, runtimes):
            continue  # privilege on the Sysbox runtime is TDL103's finding
        workload = container.workload
        yield Hit(
            container.privileged.where,
            f"`{container.display_name}` runs the Coder agent and is privileged: the workspace user's own processes "
            "can gain root on the host. Use the Sysbox runtime, or move dockerd into a sidecar",
            subject=workload.address,
            attribute=_attribute(container, "privileged"),
            owner=workload.owner,
        )


def _attribute(container, name: str) -> str:
    """The attribute path of a container setting, for baselines: ``container[dind].security_context.privileged``."""
    workload = container.workload
    if workload.kind == "docker_container":
        return name
    where = "init_container" if container.init else "container"
    return f"{where}[{container.display_name}].{workload.spell('security_context')}.{workload.spell(name)}"


CHECKS = {
    "TDL401": privileged_sidecar_unacknowledged,
    "TDL412": privileged_workspace_container,
}

#: rule ids of this group that look across files (they get every unit of the run at once)
PROJECT_SCOPED: frozenset[str] = frozenset()
