"""TDL204 envbox-required-mounts-missing: An envbox container without its state and kernel mounts, or CODER_MOUNTS
that is malformed or off every volume."""

from __future__ import annotations

from ...context import Context
from ...finding import Hit
from ...model.envbox_flags import MountsError, parse_mounts
from ...model.roles import envbox_containers
from ...workload import Container, Workload
from .helpers import env_text, envbox_hit, mounts_attribute, normal_path

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

#: Where envbox keeps state (envbox's README run examples; ``envboxPrivateMounts`` and ``defaultMounts`` in its ``cli/docker.go``).
REQUIRED_MOUNTS = ("/var/lib/coder/docker", "/var/lib/coder/containers", "/var/lib/sysbox", "/var/lib/containers",
                   "/var/lib/docker", "/usr/src", "/lib/modules")


def _mount_paths(container: Container) -> set[str] | None:
    """The normalised mount paths; None when a mount path cannot be known (unknown value, dynamic block)."""
    if container.mounts_open:
        return None
    paths: set[str] = set()
    for mount in container.mounts:
        if mount.path is None or not isinstance(mount.path.value, str):
            return None
        paths.add(normal_path(mount.path.value))
    return paths


def check(ctx: Context, *, envbox_images) -> Iterator[Hit]:
    """TDL204: an envbox container without its state mounts, or CODER_MOUNTS sources off every volume."""
    for workload, container in envbox_containers(ctx, envbox_images):
        paths = _mount_paths(container)
        if paths is not None:
            missing = [p for p in REQUIRED_MOUNTS if p not in paths]
            if missing:
                listed = ", ".join(f"`{p}`" for p in missing)
                yield envbox_hit(container, container.span,
                           f"Envbox container `{container.display_name}` lacks {len(missing)} of the mounts envbox needs",
                           mounts_attribute(workload),
                           hint=f"mount {listed} as the kubernetes-envbox template does; envbox keeps its Docker, container "
                                "and Sysbox state there and needs the host's kernel headers and modules (`/usr/src`, "
                                "`/lib/modules`, read-only is fine)")
        yield from _coder_mounts(workload, container, paths)


def _coder_mounts(workload: Workload, container: Container, paths: set[str] | None) -> Iterator[Hit]:
    env = container.env_named("CODER_MOUNTS")
    text = env_text(env.value, workload) if env is not None else None
    if text is None:
        return
    try:
        entries = parse_mounts(text)
    except MountsError as error:
        yield envbox_hit(container, env.value.where,
                   f"`CODER_MOUNTS` entry `{error.entry}` is not `source:target[:ro]`: envbox stops (\"malformed "
                   "mounts value\")", "env", "CODER_MOUNTS",
                   hint="write each entry as `source:target` or `source:target:ro`, separated by `,`")
        return
    if paths is None:
        return
    for entry in entries:
        source = normal_path(entry.source)
        if any(source == p or source.startswith(p.rstrip("/") + "/") for p in paths):
            continue
        yield envbox_hit(container, env.value.where,
                   f"`CODER_MOUNTS` source `{entry.source}` is on no volume of envbox container "
                   f"`{container.display_name}`", "env", "CODER_MOUNTS",
                   hint=f"mount a volume at `{entry.source}`: what the workspace writes to `{entry.target}` is lost "
                        "when the outer container restarts")
