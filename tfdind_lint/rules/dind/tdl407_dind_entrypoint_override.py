"""TDL407 dind-entrypoint-override: A docker:dind container whose entrypoint runs dockerd itself, bypassing dockerd-
entrypoint.sh."""

from __future__ import annotations

from ... import edits
from ...context import Context
from ...finding import Hit
from ...fix import Fix, safe
from ...model import roles, scripts
from ...model.daemon import bypasses_entrypoint

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator


def check(ctx: Context) -> Iterator[Hit]:
    """TDL407: a docker:dind container whose entrypoint runs dockerd itself, bypassing dockerd-entrypoint.sh."""
    for workload in ctx.workloads:
        for container in workload.all_containers():
            if not roles.image_matches(container, roles.DIND_IMAGES) or not bypasses_entrypoint(container):
                continue
            node = container.entrypoint
            argv = next(scripts.container_commands(container))
            edit = None
            if (scripts.program(argv) or (0, ""))[1] == "dockerd":
                instead = "command" if workload.kind == "docker_container" else workload.spell("args")
                fix = f"pass the same list as `{instead}` (the first element stays `dockerd`)"
                edit = _fix(ctx, container, node, instead)
            else:
                fix = "in the script, start `dockerd-entrypoint.sh dockerd ...` instead of `dockerd ...`"
            cgroup = "the pod's cgroup" if workload.kind != "docker_container" else "the container's cgroup"
            yield Hit(node.where, f"`{node.name}` bypasses the image's `dockerd-entrypoint.sh` and starts dockerd itself",
                      hint=f"{fix}: without the entrypoint there is no tini as PID 1, no iptables-mode detection, "
                           f"stale pid files stay, and on cgroup v2 the inner containers escape {cgroup} and its limits",
                      subject=workload.address, attribute=roles.attribute_path(container, node.name), owner=workload.owner,
                      fix=edit)


def _fix(ctx, container, node, new_key: str) -> Fix | None:
    """A docker:dind entrypoint that is ``["dockerd", ...]``: pass the same list as the image's arguments
    (``command`` → ``args``; Docker's ``entrypoint`` → ``command``), when those are not set."""
    items = node.value if isinstance(node.value, list) else None
    if container.args is not None or node.key is None or not items or items[0].value != "dockerd":
        return None
    text = edits.source(ctx, node.key.path)
    if text is None or text.text[slice(*text.range(node.key))] != node.name:
        return None
    return safe(f"Pass the list as `{new_key}`", edits.rename_key(text, node, new_key))
