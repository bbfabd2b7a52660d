"""TDL102 sysbox-userns-missing: A Sysbox pod without a user namespace (no io.kubernetes.cri-o.userns-mode annotation
on the pod, no hostUsers false)."""

from __future__ import annotations

from ... import edits
from ...context import Context
from ...finding import Hit, Related, Severity
from ...fix import Fix, safe
from ...lazy_re import LazyPattern
from ...model.roles import sysbox_workloads
from ...node import Node
from ...workload import Workload, falsy
from .helpers import USERNS_ANNOTATION, runtime_related

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

#: Sysbox needs a full 16-bit ID range in the pod's user namespace (Sysbox's Kubernetes guide: ``auto:size=65536``).
USERNS_SIZE = 65536


def _annotation_text(workload: Workload) -> str:
    if workload.origin == "kubernetes":
        return f'{USERNS_ANNOTATION}: "auto:size={USERNS_SIZE}"'
    return f'"{USERNS_ANNOTATION}" = "auto:size={USERNS_SIZE}"'


def check(ctx: Context, *, runtimes) -> Iterator[Hit]:
    """TDL102: a Sysbox pod without a user namespace (CRI-O userns annotation, or ``hostUsers: false``)."""
    for workload in sysbox_workloads(ctx, runtimes):
        if workload.kind == "docker_container":
            continue  # Sysbox on Docker sets up the user namespace itself
        host_users = workload.host_users
        if host_users is not None and (falsy(host_users) or not host_users.known):
            continue  # hostUsers: false gives the pod its user namespace (K8s >= 1.30, containerd >= 2.0.5)
        annotation = workload.annotation(USERNS_ANNOTATION)
        if annotation is not None:
            yield from _userns_value(workload, annotation)
            continue
        if workload.annotations_open:
            continue  # a merge() / variable the tool cannot read may carry it
        pod = "pod" if workload.kind in ("Pod", "kubernetes_pod", "kubernetes_pod_v1") else "pod template"
        misplaced = _object_annotation(workload)
        if misplaced is not None:
            yield Hit(misplaced.where,
                      f"The `{USERNS_ANNOTATION}` annotation is on `{workload.address}`, not on its pod template",
                      hint="move it to the pod template's metadata annotations: Kubernetes copies only the template's "
                           "metadata to the pods, so they run without a user namespace",
                      subject=workload.address, attribute=f"metadata.annotations.{USERNS_ANNOTATION}",
                      related=(runtime_related(workload),), owner=workload.owner)
            continue
        runtime = workload.runtime
        also = " (or `hostUsers: false` on Kubernetes >= 1.30 with containerd >= 2.0.5)" if workload.api_names else ""
        related = ()
        if workload.annotations is not None:
            related = (Related(workload.annotations.where, f"the {pod}'s annotations, without the userns annotation"),)
        yield Hit(runtime.where,
                  f"A Sysbox {pod} without the `{USERNS_ANNOTATION}` annotation: it fails to start with no user namespace",
                  hint=f"add `{_annotation_text(workload)}` to the {pod}'s metadata annotations{also} (the error: "
                       "`mounting \"sysfs\" ... operation not permitted`)",
                  subject=workload.address, attribute=f"metadata.annotations.{USERNS_ANNOTATION}",
                  related=related, owner=workload.owner, fix=_fix(ctx, workload, _annotation_text(workload)))


def _object_annotation(workload: Workload) -> Node | None:
    """The userns annotation on a workload's own metadata when its pods come from a template."""
    own = workload.object_annotations
    if own is None or own is workload.annotations or not isinstance(own.value, dict):
        return None
    return own.value.get(USERNS_ANNOTATION)


_SIZE = LazyPattern(r"(?:^auto:|[,;])size=(\d+)")


def _userns_value(workload: Workload, annotation: Node) -> Iterator[Hit]:
    """The annotation's value must ask CRI-O for an automatic user namespace of at least 65536 IDs."""
    value = annotation.value
    if not isinstance(value, str):
        return  # unknown is not bad
    mode = value.strip()
    fix = f"use `auto:size={USERNS_SIZE}`"
    common = dict(subject=workload.address, attribute=f"metadata.annotations.{USERNS_ANNOTATION}",
                  related=(runtime_related(workload),), owner=workload.owner)
    if not mode.startswith("auto"):
        yield Hit(annotation.where, f"`{USERNS_ANNOTATION}` is `{mode}`: the Sysbox pod gets no user namespace and "
                  "fails to start", hint=fix, **common)
        return
    size = _SIZE.search(mode)
    if size is None:
        yield Hit(annotation.where, f"`{mode}` lets CRI-O size the user namespace from the image, maybe below the "
                  f"{USERNS_SIZE} IDs Sysbox expects", hint=fix, severity=Severity.NOTE, **common)
    elif int(size.group(1)) < USERNS_SIZE:
        yield Hit(annotation.where, f"`size={size.group(1)}` gives the pod fewer user IDs than the {USERNS_SIZE} Sysbox "
                  "expects", hint=fix, severity=Severity.NOTE, **common)


def _fix(ctx, workload, entry: str) -> Fix | None:
    """A Sysbox pod without the CRI-O userns annotation: add it to the pod's annotations when it has some."""
    annotations = workload.annotations
    if annotations is None:
        return None
    edit = edits.add_entry(edits.source(ctx, annotations.span.path), annotations, entry)
    return safe("Add the CRI-O user-namespace annotation", edit) if edit is not None else None
