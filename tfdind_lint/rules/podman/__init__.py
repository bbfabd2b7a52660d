"""3xx: rootless Podman, FUSE device plugins, and Bottlerocket / Karpenter node prerequisites."""

from ...model.device_plugins import fuse_device_plugins
from ...model.node_pools import node_definitions
from ...model.roles import pod_workloads

#: rule -> (helper, the parameters it is called with): where the helper finds nothing in a unit, the rule's check finds
#: nothing there (rules.precondition)
PRECONDITIONS = {"TDL301": (pod_workloads, ()), "TDL303": (pod_workloads, ()), "TDL305": (node_definitions, ())}
#: the project-scoped rules (their modules' PROJECT_SCOPED) -> (helper, parameters): where the helper finds nothing in
#: any unit of the run, the check finds nothing (rules.project_precondition)
PROJECT_SCOPED = {"TDL302": (fuse_device_plugins, ("fuse_device_plugin_images", "smarter_device_manager_images")),
                  "TDL304": (node_definitions, ())}
