"""TDL605 devcontainer-folder-not-on-daemon: The Docker daemon runs outside the workspace and the dev container's
workspace_folder is not at the same path there."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator

from ...context import Context
from ...finding import Hit, Related
from ...model import docker_access
from .helpers import integration_units, use_container


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
                      subject=use.subject, attribute="workspace_folder", owner=use.owner, related=tuple(related))
