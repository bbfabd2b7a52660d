"""5xx: Kubernetes manifests and systemd inside Sysbox."""

from ...model.roles import runtime_class_parties, sysbox_workloads, userns_workloads

#: rule -> (helper, the parameters it is called with): where the helper finds nothing in a unit, the rule's check finds
#: nothing there (rules.precondition)
PRECONDITIONS = {"TDL501": (sysbox_workloads, ("runtimes",)), "TDL504": (sysbox_workloads, ("runtimes",)),
                 "TDL506": (userns_workloads, ("runtimes",))}
#: the project-scoped rules (their modules' PROJECT_SCOPED) -> (helper, parameters): where the helper finds nothing in
#: any unit of the run, the check finds nothing (rules.project_precondition)
PROJECT_SCOPED = {"TDL505": (runtime_class_parties, ())}
