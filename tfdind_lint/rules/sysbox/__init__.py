"""1xx: Sysbox as the container runtime on the nodes or the Docker host."""

from ...model.roles import sysbox_workloads

#: rule -> (helper, the parameters it is called with): where the helper finds nothing in a unit, the rule's check finds
#: nothing there (rules.precondition)
PRECONDITIONS = {rule: (sysbox_workloads, ("runtimes",))
                 for rule in ("TDL102", "TDL103", "TDL104", "TDL105", "TDL106", "TDL107")}
