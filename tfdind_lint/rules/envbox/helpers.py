"""What the 2xx rules share: reading the settings of envbox containers (``roles.envbox_containers`` finds them).

envbox is configured through the environment of its outer container (its README's
run examples, ``cli/docker.go`` in coder/envbox); ``model/envbox_flags.py`` reads
those values the way envbox's Go code does.
"""

from __future__ import annotations

import posixpath

from ...expression import template_string
from ...finding import Hit
from ...node import Node, Span
from ...workload import Container, Workload


def env_text(node: Node | None, workload: Workload) -> str | None:
    """A known env value as envbox sees it (Terraform renders numbers and bools as strings)."""
    if node is None:
        return None
    value = node.value
    if isinstance(value, str):
        return value
    if workload.origin == "terraform" and isinstance(value, (bool, int, float)):
        return template_string(value)
    return None


def normal_path(path: str) -> str:
    """``/home/coder/`` and ``/home/coder`` are the same mount point."""
    return posixpath.normpath(path) if path else path


def _attribute(container: Container, *parts: str) -> str:
    if container.workload.kind == "docker_container":
        return ".".join(parts)
    return ".".join((f"container[{container.display_name}]",) + parts)


def envbox_hit(container: Container, span: Span, message: str, *attribute: str, **extra) -> Hit:
    workload = container.workload
    return Hit(span, message, subject=workload.address, attribute=_attribute(container, *attribute),
               owner=workload.owner, **extra)


def env_unseen(container: Container) -> bool:
    """More env may exist than the tool sees (env_from, a dynamic block, an unknown list or name)."""
    return container.env_open or any(env.name is None for env in container.env)


def mounts_attribute(workload: Workload) -> str:
    return "volumes" if workload.kind == "docker_container" else workload.spell("volume_mounts")
