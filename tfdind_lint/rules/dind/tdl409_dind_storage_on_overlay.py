"""TDL409 dind-storage-on-overlay: A Kubernetes dind sidecar (or envbox container) with no volume at dockerd's data-
root."""

from __future__ import annotations

from ... import edits
from ...context import Context
from ...finding import Hit
from ...fix import Fix, safe
from ...lazy_re import LazyPattern
from ...model import roles
from ...model.daemon import symbolic, unknown
from ...node import Block
from .helpers import DIND_ROOTLESS_IMAGES, dind_sidecars, scenes, under

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

#: where docker:dind-rootless keeps its data (the image's VOLUME, $XDG_DATA_HOME/docker)
ROOTLESS_DATA_ROOT = "/home/rootless/.local/share/docker"

def check(ctx: Context) -> Iterator[Hit]:
    """TDL409: a Kubernetes dind sidecar (or envbox container) without a volume at dockerd's data-root."""
    for unit, scene in scenes(ctx):
        sidecars = list(dind_sidecars(unit))
        for workload in unit.workloads:
            if workload.kind == "docker_container" or roles.uses_runtime(workload, roles.SYSBOX_RUNTIMES):
                continue  # the Docker engine and Sysbox back /var/lib/docker themselves
            for container in workload.all_containers():
                if roles.is_envbox(container):
                    needed = ["/var/lib/coder/docker", "/var/lib/docker"]
                elif any(container is c for c in sidecars):
                    roots = [d.data_root for d in scene.daemons_of([container]) if d.data_root is not None]
                    if any(unknown(r.text) for r in roots):
                        continue
                    rootless = roles.image_matches(container, DIND_ROOTLESS_IMAGES)
                    default = ROOTLESS_DATA_ROOT if rootless else "/var/lib/docker"
                    needed = [roots[-1].text.rstrip("/") if roots else default]
                else:
                    continue
                if container.mounts_open:
                    continue
                mounts = [symbolic(m.path) for m in container.mounts]
                missing = [p for p in needed if not any(under(p, m) for m in mounts)]
                if not missing:
                    continue
                paths = " and ".join(f"`{p}`" for p in missing)
                mount = workload.spell("volume_mounts")
                yield Hit(container.span, f"`{container.display_name}` has no volume at {paths}, dockerd's data-root",
                          hint=f"add a `{mount}` there backed by an `{workload.spell('empty_dir')}` volume or a PVC: "
                               "on CRI-O (and containerd ignoring image volumes) the data-root is the container's "
                               "overlay rootfs, where overlay2 cannot run (vfs: slow builds, ephemeral-storage "
                               "evictions), and the image cache is lost on every restart",
                          subject=workload.address, attribute=roles.attribute_path(container, mount),
                          owner=workload.owner, fix=_fix(ctx, workload, container, missing))


_NOT_IN_NAME = LazyPattern(r"[^a-z0-9-]+")


def _fix(ctx, workload, container, missing: list[str]) -> Fix | None:
    """A Kubernetes dind container without a volume at dockerd's data-root (Terraform): an ``empty_dir`` volume
    named after the container, and its ``volume_mount``; none when the name is taken."""
    block = container.source
    if len(missing) != 1 or workload.origin != "terraform" or not isinstance(block, Block):
        return None
    # a DNS label: at most 63 characters, starting and ending with a letter or digit (cut first, then strip)
    name = _NOT_IN_NAME.sub("-", f"{container.display_name.lower()}-data-root")[:63].strip("-")
    module = workload.module
    text = edits.source(ctx, container.span.path)
    if module is None or text is None or name in workload.volumes:
        return None
    files = [f for f in module.files if f.path == container.span.path]
    spec = edits.parent_block(files[0].body.blocks, block) if files else None
    if spec is None:
        return None
    mount = edits.insert_child_block(text, block, f'volume_mount {{\n  name       = "{name}"\n'
                                                  f'  mount_path = "{missing[0]}"\n}}')
    volume = edits.insert_child_block(text, spec, f'volume {{\n  name = "{name}"\n  empty_dir {{}}\n}}')
    if mount is None or volume is None:
        return None
    return safe(f"Mount an empty_dir volume at {missing[0]}", mount, volume)
