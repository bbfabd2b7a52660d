"""FUSE device plugins: the DaemonSets that give pods ``/dev/fuse`` (what TDL302 reads), among a unit's workloads
and in the Kubernetes manifests its scripts apply (``cat <<EOF | kubectl apply -f -``)."""

from __future__ import annotations

from ..workload import from_manifest
from . import roles, scripts

TYPE_CHECKING = False  # typing's, without importing typing (a one-file run: docs/benchmarks.md)
if TYPE_CHECKING:
    from collections.abc import Iterator

    from ..context import Context
    from ..node import Node
    from ..workload import Container, Workload


def script_manifests(values: list[Node]) -> list[Node]:
    """The Kubernetes objects in the here-documents of a unit's string values (``scripts.values``)."""
    return [d for node in scripts.string_values(values) for d in scripts.embedded_manifests(node)]


def manifest_workloads(documents: list[Node]) -> list[Workload]:
    return [w for w in (from_manifest(d, d.span.path) for d in documents) if w is not None]


def device_plugins(workloads: list[Workload], fuse_images, smarter_images) -> list[tuple[Workload, Container, str]]:
    """The FUSE device plugins among DaemonSets: (workload, container, kind)."""
    found = []
    for workload in workloads:
        if workload.kind not in ("DaemonSet", "kubernetes_daemonset", "kubernetes_daemon_set_v1"):
            continue
        for container in workload.containers:
            if roles.image_matches(container, fuse_images):
                # kuberenetes-learning-group/fuse-device-plugin server.go: resourceName = "github.com/fuse"
                found.append((workload, container, "fuse-device-plugin"))
            elif roles.image_matches(container, smarter_images):
                found.append((workload, container, "smarter-device-manager"))
    return found


def fuse_device_plugins(ctx: Context, fuse_images, smarter_images) -> Iterator[tuple[Workload, Container, str]]:
    """The units' FUSE device plugins, their scripts' manifests included (TDL302's precondition: its check says
    nothing in a run without one)."""
    for unit in ctx.units:
        yield from device_plugins(unit.workloads, fuse_images, smarter_images)
        # reached only when the workloads have none (a precondition stops at the first): it evaluates every value
        yield from device_plugins(manifest_workloads(script_manifests(list(scripts.values(unit)))), fuse_images,
                                  smarter_images)
