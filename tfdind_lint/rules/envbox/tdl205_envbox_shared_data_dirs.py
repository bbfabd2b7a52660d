"""TDL205 envbox-shared-data-dirs: Envbox data directories on one volume and sub-path, or a /var/lib/sysbox volume
shared by every workspace."""

from __future__ import annotations

from ...context import Context
from ...expression import Traversal
from ...finding import Hit, Related
from ...model.roles import envbox_containers
from ...node import Node, Span, Unknown
from ...workload import Container, Mount, Workload
from .helpers import envbox_hit, mounts_attribute, normal_path

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

#: Paths that must each have their own storage: two Docker data roots, two container stores, the home directory.
DATA_PATHS = ("/var/lib/docker", "/var/lib/coder/docker", "/var/lib/containers", "/var/lib/coder/containers", "/home/coder")


def _backing(mount: Mount, workload: Workload):
    """What stores a mount's files, as a comparable key; None when unknowable."""
    volume = mount.volume
    if volume is None:
        return None
    source = volume.source
    if volume.kind in ("docker_volume", "bind", "host_path", "persistent_volume_claim") and source is not None:
        if isinstance(source.value, str):
            return (volume.kind, source.value)
        if isinstance(source.value, Unknown):
            return (volume.kind, "".join(source.value.text.split()))  # the same expression names the same volume
        return None
    if workload.kind == "docker_container":
        return None  # an anonymous Docker volume is a fresh one per mount
    return ("volume", id(volume))


def _sub_path(mount: Mount):
    node = mount.sub_path
    if node is None:
        return ""
    if isinstance(node.value, str):
        return node.value.strip("/")
    return None


def _mount_span(mount: Mount, workload: Workload) -> Span:
    if mount.sub_path is not None:
        return mount.sub_path.where
    if workload.kind == "docker_container" and mount.volume is not None and mount.volume.source is not None:
        return mount.volume.source.where
    return mount.span


def check(ctx: Context, *, envbox_images) -> Iterator[Hit]:
    """TDL205: envbox data directories on the same storage, or a /var/lib/sysbox shared by every workspace."""
    for workload, container in envbox_containers(ctx, envbox_images):
        first: dict[tuple, Mount] = {}
        for mount in container.mounts:
            if mount.path is None or not isinstance(mount.path.value, str):
                continue
            path = normal_path(mount.path.value)
            if path == "/var/lib/sysbox":
                yield from _static_sysbox(workload, container, mount)
            if path not in DATA_PATHS:
                continue
            backing, sub_path = _backing(mount, workload), _sub_path(mount)
            if backing is None or sub_path is None:
                continue
            earlier = first.setdefault((backing, sub_path), mount)
            if earlier is mount or normal_path(earlier.path.value) == path:
                continue
            same = f"the same {_sub_path_name(workload)} `{sub_path}`" if sub_path else f"no {_sub_path_name(workload)}"
            yield envbox_hit(container, _mount_span(mount, workload),
                       f"`{mount.path.value}` is on the same volume as `{earlier.path.value}` ({same})",
                       mounts_attribute(workload),
                       hint=f"give each path its own volume or {_sub_path_name(workload)}: envbox's outer and inner "
                            "Docker daemons, their container stores and the home directory would write into the same "
                            "directory (Sysbox: a Docker data root must belong to one daemon only)",
                       related=(Related(_mount_span(earlier, workload), f"`{earlier.path.value}` uses the same volume"),))


def _sub_path_name(workload: Workload) -> str:
    return "`volume_options { subpath }`" if workload.kind == "docker_container" else f"`{workload.spell('sub_path')}`"


def _static_sysbox(workload: Workload, container: Container, mount: Mount) -> Iterator[Hit]:
    volume = mount.volume
    if volume is None or volume.source is None:
        return
    source = volume.source
    related: tuple[Related, ...] = ()
    if volume.kind in ("bind", "host_path"):
        what = f"the host directory `{source.value}`" if isinstance(source.value, str) else None
    elif volume.kind == "docker_volume" or (volume.kind == "persistent_volume_claim" and workload.origin == "terraform"):
        name = _static_name(source, workload)
        if name is None:
            return
        value, declared = name
        what = f"the {'Docker volume' if volume.kind == 'docker_volume' else 'claim'} `{value}`"
        if declared is not None:
            related = (Related(declared.where, f"the volume is named `{value}` here"),)
    else:
        return
    if what is None:
        return
    yield envbox_hit(container, source.where,
               f"`/var/lib/sysbox` is {what}, shared by every workspace of the template",
               mounts_attribute(workload), related=related,
               hint="use an empty directory or a volume named after the workspace id: Sysbox does not allow its "
                    "state to be shared between workspaces")


def _static_name(source: Node, workload: Workload) -> tuple[str, Node | None] | None:
    """A literal volume name, or a ``docker_volume.x.name`` (or ``.id``, which the provider sets to the name) whose
    ``name`` is a literal (with where it is set)."""
    if isinstance(source.value, str):
        return source.value, None
    value = source.value
    if not (isinstance(value, Unknown) and isinstance(value.expr, Traversal) and value.expr.reference is not None):
        return None
    ref = value.expr.reference
    if ref.parts[0] != "docker_volume" or ref.attribute not in (("name",), ("id",)) or workload.module is None:
        return None
    resource = workload.module.resource(ref.address)
    name = workload.module.evaluate(resource.block.attr("name")) if resource is not None else None
    if name is None or not isinstance(name.value, str):
        return None
    return name.value, name
