"""TDL303 podman-apparmor-annotation-mismatch: An AppArmor pod annotation naming no container, or a Podman workspace
left under the default AppArmor profile."""

from __future__ import annotations

from ... import edits
from ...context import Context
from ...finding import Hit, Related, Severity
from ...fix import Fix, safe
from ...model.roles import pod_workloads
from ...node import Node
from ...workload import Container, Workload, truthy
from .helpers import podman_evidence, podman_hit

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

APPARMOR_PREFIX = "container.apparmor.security.beta.kubernetes.io/"


def check(ctx: Context, *, podman_images, nodes_use_apparmor) -> Iterator[Hit]:
    """TDL303: an AppArmor annotation naming no container; a Podman workspace left confined by AppArmor."""
    for workload in pod_workloads(ctx):
        if workload.annotations_open:
            continue
        containers = workload.all_containers()
        names = {c.name.value for c in containers if c.name is not None and isinstance(c.name.value, str)}
        annotations = workload.annotations.value if workload.annotations is not None else {}
        orphans = [k for k in annotations if k.startswith(APPARMOR_PREFIX) and k[len(APPARMOR_PREFIX):] not in names]
        if len(names) == len(containers):
            for key in orphans:
                yield _orphan_annotation(workload, key, annotations[key], containers,
                                         _fix(ctx, annotations[key], key, APPARMOR_PREFIX, containers))
        if nodes_use_apparmor is False or orphans:
            continue  # renaming the orphaned key is the fix the finding above gives
        for container in workload.containers:
            yield from _confined_podman(workload, container, annotations, podman_images, nodes_use_apparmor)


def _orphan_annotation(workload: Workload, key: str, node: Node, containers: list[Container], fix=None) -> Hit:
    listed = ", ".join(f"`{c.name.value}`" for c in containers)
    suggestion = f"`{APPARMOR_PREFIX}{containers[0].name.value}`" if len(containers) == 1 else "the container's name"
    return Hit(node.where,
               f"The AppArmor annotation names container `{key[len(APPARMOR_PREFIX):]}`, which this pod does not have",
               hint=f"rename the key to {suggestion} (containers: {listed}): the profile applies to nothing, and "
                    "the container it was meant for keeps the default profile", subject=workload.address,
               attribute=f"{workload.spell('annotations')}[{key}]", owner=workload.owner,
               related=tuple(Related(c.name.where, f"container `{c.name.value}`") for c in containers), fix=fix)


def _confined_podman(workload: Workload, container: Container, annotations: dict, images, nodes_use_apparmor):
    if podman_evidence(container, images) is None or truthy(container.privileged):
        return
    if container.name is None or not isinstance(container.name.value, str):
        return  # an annotation may name it
    name = container.name.value
    if APPARMOR_PREFIX + name in annotations or container.app_armor_profile is not None or workload.app_armor_profile is not None:
        return
    if workload.api_names:
        fix = "`securityContext: {appArmorProfile: {type: Unconfined}}` (Kubernetes 1.30+) or the annotation " \
              f"`{APPARMOR_PREFIX}{name}: unconfined`"
    else:
        fix = f'the pod annotation `"{APPARMOR_PREFIX}{name}" = "unconfined"` (the provider has no app_armor_profile)'
    yield podman_hit(container, container.span,
               f"Podman workspace container `{name}` keeps the node's default AppArmor profile", "security_context",
               hint=f"add {fix}: on Debian and Ubuntu nodes the default profile blocks the mounts rootless Podman makes",
               severity=None if nodes_use_apparmor else Severity.NOTE)


def _fix(ctx, node, key: str, prefix: str, containers: list) -> Fix | None:
    """An AppArmor annotation naming no container of a pod with exactly one: name that container in its key."""
    if len(containers) != 1 or node.key is None:
        return None
    name = containers[0].name.value
    edit = edits.replace_in(edits.source(ctx, node.key.path), node.key, key, prefix + name)
    return safe(f"Name container `{name}` in the annotation", edit) if edit is not None else None
