"""TDL201 envbox-outer-not-privileged: An envbox outer container that is not privileged, so envbox cannot start
Docker and Sysbox."""

from __future__ import annotations

from collections.abc import Iterator

from ...context import Context
from ...finding import Hit
from ...workload import truthy
from .helpers import envbox_containers, envbox_hit


def check(ctx: Context, *, envbox_images) -> Iterator[Hit]:
    """TDL201: an envbox container that is not privileged."""
    for workload, container in envbox_containers(ctx, envbox_images):
        node = container.privileged
        if node is not None and (truthy(node) or not node.known):
            continue  # privileged, or unknown (not bad)
        if workload.kind == "docker_container":
            fix = "privileged = true"
        elif workload.api_names:
            fix = "securityContext: {privileged: true}"
        else:
            fix = "security_context { privileged = true }"
        reason = ("envbox runs dockerd and the Sysbox daemons in this outer container (the inner workspace "
                  "container stays unprivileged)")
        if node is not None:
            yield envbox_hit(container, node.where, f"Envbox container `{container.display_name}` sets "
                       f"`{workload.spell('privileged', node.value)}`, and envbox cannot start unprivileged",
                       "privileged", hint=f"set `{fix}`: {reason}")
        else:
            yield envbox_hit(container, container.span, f"Envbox container `{container.display_name}` is not privileged, "
                       "and envbox cannot start unprivileged", "privileged", hint=f"add `{fix}`: {reason}")
