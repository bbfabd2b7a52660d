"""TDL201 envbox-outer-not-privileged: An envbox outer container that is not privileged, so envbox cannot start
Docker and Sysbox."""

from __future__ import annotations

from ... import edits
from ...context import Context
from ...finding import Hit
from ...fix import Fix, safe
from ...model.roles import envbox_containers
from ...node import Block
from ...workload import truthy
from .helpers import envbox_hit

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator


def check(ctx: Context, *, envbox_images) -> Iterator[Hit]:
    """TDL201: an envbox container that is not privileged."""
    for workload, container in envbox_containers(ctx, envbox_images):
        node = container.privileged
        if node is not None and (truthy(node) or not node.known):
            continue  # privileged, or unknown (not bad)
        if workload.kind == "docker_container":
            fix = "privileged = true"
        elif workload.origin == "kubernetes":
            fix = "securityContext: {privileged: true}"
        elif workload.api_names:  # kubernetes_manifest: API names in HCL
            fix = "securityContext = { privileged = true }"
        else:
            fix = "security_context { privileged = true }"
        reason = ("envbox runs dockerd and the Sysbox daemons in this outer container (the inner workspace "
                  "container stays unprivileged)")
        if node is not None:
            yield envbox_hit(container, node.where, f"Envbox container `{container.display_name}` sets "
                       f"`{workload.spell('privileged', node.value)}`, and envbox cannot start unprivileged",
                       "privileged", hint=f"set `{fix}`: {reason}", fix=_fix(ctx, container, node))
        else:
            yield envbox_hit(container, container.span, f"Envbox container `{container.display_name}` is not privileged, "
                       "and envbox cannot start unprivileged", "privileged", hint=f"add `{fix}`: {reason}",
                       fix=_fix(ctx, container, None))


def _fix(ctx, container, node) -> Fix | None:
    """An envbox container that is not privileged: ``privileged = true`` (the written ``false`` replaced; else added
    to the Docker container, or to the Kubernetes container's ``security_context``, created when missing)."""
    text = edits.source(ctx, (node or container).span.path)
    if text is None:
        return None
    if node is not None:
        start, end = text.range(node.span)
        if text.text[start:end] != "false":
            return None
        return safe("Make the envbox container privileged", edits.replace(node.span, "true"))
    block = container.source
    if not isinstance(block, Block) or not container.span.path.endswith(".tf"):
        return None
    if container.workload.kind == "docker_container":
        edit = edits.insert_attribute(text, block, "privileged = true")
    else:
        context = block.block("security_context")
        edit = (edits.insert_attribute(text, context, "privileged = true") if context is not None else
                edits.insert_attribute(text, block, "security_context {\n  privileged = true\n}"))
    return safe("Make the envbox container privileged", edit) if edit is not None else None
