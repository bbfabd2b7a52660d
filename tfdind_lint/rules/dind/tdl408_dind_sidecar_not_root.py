"""TDL408 dind-sidecar-not-root: A dind container whose effective user is explicitly not root (dockerd cannot start)."""

from __future__ import annotations

from ... import edits
from ...context import Context
from ...finding import Hit, Related
from ...model import roles
from ...workload import truthy
from .helpers import DIND_ROOTLESS_IMAGES, dind_sidecars, known_uid

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator


def check(ctx: Context) -> Iterator[Hit]:
    """TDL408: a dind container whose effective user is explicitly not root."""
    for unit in ctx.units:
        for container in dind_sidecars(unit):
            workload = container.workload
            if roles.image_matches(container, DIND_ROOTLESS_IMAGES):
                continue
            user = workload.effective_run_as_user(container)
            uid = known_uid(user)
            non_root = workload.effective_run_as_non_root(container)
            name = container.display_name
            docker = workload.kind == "docker_container"
            if uid not in (None, 0):
                node = user
                fix = "`user = \"root\"`" if docker else f"`{workload.spell('run_as_user', 0)}` in its own security context"
                message = f"The Docker daemon in `{name}` runs as uid {uid}, and dockerd cannot start without root"
                hint = (f"set {fix}, or use the docker:dind-rootless image (docker:dind's entrypoint tries rootless "
                        "mode and exits: \"missing 'rootlesskit'\")")
            elif truthy(non_root):
                node = non_root
                message = (f"The Docker daemon in `{name}` must run as non-root (`{non_root.name}`), and dockerd "
                           "cannot start without root")
                hint = (f"set `{workload.spell('run_as_non_root', False)}` and `{workload.spell('run_as_user', 0)}` in "
                        "its own security context, or use the docker:dind-rootless image")
            else:
                continue
            own = node is container.run_as_user or node is container.run_as_non_root
            span, related = (node.where, ()) if own else (
                container.span, (Related(node.where, f"the pod's `{node.name}` applies to every container"),))
            attribute = node.name if docker else roles.attribute_path(container, workload.spell("security_context"), node.name)
            yield Hit(span, message, subject=workload.address, related=related, owner=workload.owner, attribute=attribute,
                      hint=hint, fix=edits.run_as_root(ctx, container, node, own, docker, "the Docker daemon"))

