"""TDL605 devcontainer-folder-not-on-daemon: The Docker daemon runs outside the workspace and the dev container's
workspace_folder is not at the same path there."""

from __future__ import annotations

import posixpath

from ... import edits
from ...context import Context
from ...finding import Hit, Related
from ...fix import Fix, unsafe
from ...model import docker_access, roles
from ...node import Block
from .helpers import integration_units, use_container

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator


def check(ctx: Context) -> Iterator[Hit]:
    """TDL605: the daemon runs outside the workspace and ``workspace_folder`` is not on a mount it shares."""
    for unit, model, found in integration_units(ctx):
        module = unit.module
        for use in found:
            if use.kind != "resource" or module is None:
                continue
            node = module.evaluate(use.resource.block.attr("workspace_folder"))
            if node is None or not isinstance(node.value, str) or not node.value.startswith("/"):
                continue  # absent, relative, `~/...` or unknown: no finding
            container = use_container(model, use)
            if container is None:
                continue
            access = model.access(container)
            if not access.outside:
                continue
            on, mount = docker_access.folder_on_daemon(access, node.value)
            if on is not False:
                continue
            folder = posixpath.normpath(node.value)
            if access.method == "remote":
                where = "a remote Docker host"
            elif access.method == "host-socket":
                where = "the Docker host"
            else:
                where = f"`{access.daemon.display_name}`" if access.daemon is not None else "the dind sidecar"
            related = [Related(access.evidence, f"the daemon is reached here: {access.reason}")] if access.evidence else []
            if mount is not None:
                related.append(Related(mount.span, f"`{folder}` is on this mount of `{container.display_name}` only"))
            yield Hit(node.where, f"`{folder}` is not at the same path on {where}, where dockerd resolves the bind mount",
                      subject=use.subject, attribute="workspace_folder", owner=use.owner, related=tuple(related),
                      fix=_fix(ctx, access, mount))


#: the blocks a Terraform container mounts a volume with (kubernetes_*; docker_container)
MOUNT_BLOCKS = ("volume_mount", "volumes", "mounts")


def _fix(ctx, access, mount) -> Fix | None:
    """Mount the volume that holds the folder in the dind sidecar too, at the same path: the workspace
    container's mount block copied into the sidecar's, after its own mounts.

    Unsafe: the sidecar then writes to the workspace's files (as root).  Only for a sidecar in Terraform
    (a container of the same pod, or a ``docker_container`` beside it for a Docker volume or bind) whose
    mount is plain (no ``sub_path``), when the sidecar mounts nothing else at that path.
    """
    daemon, workspace = access.daemon, access.workspace
    if mount is None or mount.volume is None or mount.sub_path is not None or daemon is None or workspace is None:
        return None
    mine, theirs = workspace.source, daemon.source
    if not isinstance(mine, Block) or not isinstance(theirs, Block) or mount.span.path != theirs.span.path:
        return None
    if workspace.workload.kind == "docker_container":
        if daemon.workload.kind != "docker_container" or mount.volume.kind not in ("docker_volume", "bind"):
            return None
    elif daemon.workload is not workspace.workload:
        return None  # a pod's volumes are shared within the pod only
    path = roles.normal_path(mount.path)
    if path is None or any(roles.normal_path(m.path) == path for m in daemon.mounts):
        return None
    block = next((b for b in mine.blocks if b.type in MOUNT_BLOCKS and b.head == mount.span), None)
    text = edits.source(ctx, theirs.span.path)
    copied = _block_text(text, block) if block is not None and text is not None else None
    if copied is None:
        return None
    siblings = [b for b in theirs.blocks if b.type == block.type]
    edit = edits.insert_block_after(text, siblings[-1], copied, apart=False) if siblings else \
        edits.insert_child_block(text, theirs, copied)
    name = daemon.display_name
    return unsafe(f"Mount {path} in `{name}` too", edit) if edit is not None else None


def _block_text(text, block: Block) -> str | None:
    """A nested block as written (its comments too), without its indentation; None unless it has its lines to itself."""
    first, last = block.span.line, block.span.end_line
    head = text.line(first)
    if head[:block.span.column - 1].strip() or text.line(last)[block.span.end_column - 1:].strip() or first == last:
        return None
    indent = text.indent(first)
    rows = [text.line(n) for n in range(first, last + 1)]
    if any(row.strip() and not row.startswith(indent) for row in rows):
        return None
    return "\n".join(row[len(indent):] for row in rows)
