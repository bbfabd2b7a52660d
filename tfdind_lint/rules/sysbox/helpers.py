"""What the 1xx rules share: the workloads meant for Sysbox, and where their runtime is set."""

from __future__ import annotations

from ...finding import Related
from ...model.roles import sysbox_workloads
from ...workload import Workload

USERNS_ANNOTATION = "io.kubernetes.cri-o.userns-mode"


#: rule -> (helper, the parameters it is called with): rules.precondition
PRECONDITIONS = {rule: (sysbox_workloads, ("runtimes",)) for rule in ("TDL102", "TDL103", "TDL104", "TDL105", "TDL106",
                                                                       "TDL107")}


def runtime_related(workload: Workload) -> Related:
    return Related(workload.runtime.where, f"the Sysbox runtime is chosen here (`{workload.runtime.value}`)")
