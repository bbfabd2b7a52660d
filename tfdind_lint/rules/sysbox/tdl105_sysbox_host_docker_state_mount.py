"""TDL105 sysbox-host-docker-state-mount: A Sysbox container gets the host's /var/lib/docker, or a /var/lib/docker
volume shared with other containers or workspaces."""

from __future__ import annotations

from ...context import Context
from ...finding import Hit, Related
from ...model import roles
from ...model.roles import sysbox_workloads
from ...node import Node, Unknown
from ...workload import Container, Mount, Workload

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

DOCKER_STATE = "/var/lib/docker"


def check(ctx: Context, *, runtimes, envbox_images) -> Iterator[Hit]:
    """TDL105: the host's /var/lib/docker in a Sysbox container, or one Docker state directory for several."""
    seen: dict[tuple, tuple[Container, Mount]] = {}
    for workload in sysbox_workloads(ctx, runtimes):
        for container in workload.all_containers():
            if roles.is_envbox(container, envbox_images):
                continue  # envbox's data directories are TDL205's
            for mount in container.mounts:
                hit = _docker_state_hit(workload, container, mount, seen)
                if hit is not None:
                    yield hit


def _docker_state_hit(workload: Workload, container: Container, mount: Mount, seen: dict) -> Hit | None:
    volume = mount.volume
    if volume is None or volume.source is None:
        return None
    # baselines match on the attribute: the volume's source (a pod-level volume in Kubernetes), or the mount path
    docker = workload.kind == "docker_container"
    source_key = volume.source.name or "source"
    common = dict(subject=workload.address, owner=workload.owner,
                  attribute=roles.attribute_path(container, source_key) if docker else f"volume[{volume.name}].{source_key}")
    target = roles.normal_path(mount.path)
    if volume.kind in ("bind", "host_path") and roles.normal_path(volume.source) == DOCKER_STATE:
        related = () if mount.path is None or mount.path.where == volume.source.where else (
            Related(mount.path.where, f"mounted at `{mount.path.value}` of `{container.display_name}`"),)
        return Hit(volume.source.where,
                   f"The host's `{DOCKER_STATE}` is mounted into a Sysbox container, which can then change the host's Docker",
                   hint=f"give the container its own volume for `{DOCKER_STATE}` (one per workspace)",
                   related=related, **common)
    if target != DOCKER_STATE:
        return None
    source, origin = _static_source(workload, volume.source)
    sub_path = mount.sub_path.value if mount.sub_path is not None else None
    if source is not None and _is_template(workload) and (sub_path is None or isinstance(sub_path, str)):
        what = "host directory" if volume.kind in ("bind", "host_path") else "volume"
        related = (Related(origin.where, f"the name is always `{source}`"),) if origin is not volume.source else ()
        return Hit(volume.source.where,
                   f"`{container.display_name}` keeps `{DOCKER_STATE}` on the {what} `{source}`, shared by all workspaces",
                   hint="derive the name from the workspace id (`data.coder_workspace.me.id`): the inner Docker daemon "
                        "allows only one system container per state directory", related=related, **common)
    identity = _identity(volume, sub_path)
    if identity is None:
        return None
    first = seen.setdefault(identity, (container, mount))
    if first[0] is container:
        return None
    other, other_mount = first
    this, that = container.display_name, other.display_name
    if this == that:  # two pods' containers of one name: say whose
        this, that = f"{this}` of `{workload.address}", f"{that}` of `{other.workload.address}"
    common["attribute"] = roles.attribute_path(container, mount.path.name or "mount_path")
    return Hit(mount.path.where,
               f"`{this}` mounts the same volume at `{DOCKER_STATE}` as `{that}`",
               hint=f"give each container its own volume (or {workload.spell('sub_path')}): the inner Docker daemon "
                    "allows only one system container per state directory",
               related=(Related(other_mount.path.where, f"`{that}` mounts it here"),), **common)


def _is_template(workload: Workload) -> bool:
    """A Coder template: every workspace created from it gets its own copy of these resources."""
    module = workload.module
    return module is not None and bool(module.resources_of("coder_agent") or module.data_sources_of("coder_workspace"))


def _static_source(workload: Workload, source: Node) -> tuple[str | None, Node]:
    """A volume name / host path that is a literal, directly or through the resource it names; with where it is written."""
    if isinstance(source.value, str):
        return source.value, source
    module = workload.module
    value = source.value
    if module is None or not isinstance(value, Unknown) or len(value.references) != 1 or value.parts:
        return None, source
    configured = module.configured(value.references[0])
    if configured is not None and isinstance(configured.value, str):
        return configured.value, configured
    return None, source


def _identity(volume, sub_path) -> tuple | None:
    """What makes two mounts the same storage: the kind and the literal (or identically written) source, and sub_path."""
    if volume.kind == "empty_dir" or not (sub_path is None or isinstance(sub_path, str)):
        return None
    value = volume.source.value
    if isinstance(value, str):
        return (volume.kind, value, sub_path)
    if isinstance(value, Unknown) and len(value.references) == 1 and not value.parts:
        return (volume.kind, value.references[0].text, sub_path)  # the same resource attribute
    return None
