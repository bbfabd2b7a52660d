"""What the 1xx rules share: the workloads meant for Sysbox, and where their runtime is set."""

from __future__ import annotations

from ...finding import Related
from ...workload import Workload

USERNS_ANNOTATION = "io.kubernetes.cri-o.userns-mode"


def runtime_related(workload: Workload) -> Related:
    return Related(workload.runtime.where, f"the Sysbox runtime is chosen here (`{workload.runtime.value}`)")
