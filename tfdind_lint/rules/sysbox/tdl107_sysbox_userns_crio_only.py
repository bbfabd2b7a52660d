"""TDL107 sysbox-userns-crio-only: A Terraform Sysbox pod whose user namespace rests on the CRI-O-only userns
annotation (opt-in, for containerd 2 clusters)."""

from __future__ import annotations

from ...context import Context
from ...finding import Hit
from ...model.roles import sysbox_workloads
from ...workload import falsy
from .helpers import USERNS_ANNOTATION, runtime_related

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator


def check(ctx: Context, *, runtimes) -> Iterator[Hit]:
    """TDL107 (opt-in): a Terraform Sysbox pod whose user namespace rests on the CRI-O annotation alone."""
    for workload in sysbox_workloads(ctx, runtimes):
        if workload.origin != "terraform" or workload.kind == "docker_container" or falsy(workload.host_users):
            continue
        annotation = workload.annotation(USERNS_ANNOTATION)
        if annotation is None:
            continue
        if workload.api_names:
            fix = "add `hostUsers = false` to the manifest's pod spec"
        else:
            fix = (f"`{workload.kind}` cannot set `hostUsers` (hashicorp/kubernetes #2818): define the pod with "
                   "`kubernetes_manifest` and `hostUsers = false`")
        yield Hit(annotation.where,
                  f"The pod's user namespace rests on `{USERNS_ANNOTATION}`, which only CRI-O honours",
                  hint=f"{fix}: on containerd >= 2.0.5 nodes (Sysbox 0.7 no longer installs CRI-O) Sysbox needs "
                       "`hostUsers: false`",
                  subject=workload.address, attribute=f"metadata.annotations.{USERNS_ANNOTATION}",
                  related=(runtime_related(workload),), owner=workload.owner)
