"""What the 1xx rules share: the workloads meant for Sysbox, and where their runtime is set."""

from __future__ import annotations

from ...context import Context
from ...finding import Related
from ...model import roles
from ...workload import Workload

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

USERNS_ANNOTATION = "io.kubernetes.cri-o.userns-mode"


def sysbox_workloads(ctx: Context, runtimes) -> Iterator[Workload]:
    """Workloads that run under a Sysbox runtime / RuntimeClass."""
    for workload in ctx.workloads:
        if roles.uses_runtime(workload, runtimes):
            yield workload


#: rule -> (helper, the rule's parameters it is called with): the rule's check is one loop over the helper's answer
#: (tests/test_preconditions.py), so where the answer is empty the check has nothing to say and is not run, and its
#: module is not imported (rules.precondition, pieces.py).
PRECONDITIONS = {rule: (sysbox_workloads, ("runtimes",)) for rule in ("TDL102", "TDL103", "TDL104", "TDL105", "TDL106",
                                                                       "TDL107")}


def runtime_related(workload: Workload) -> Related:
    return Related(workload.runtime.where, f"the Sysbox runtime is chosen here (`{workload.runtime.value}`)")
