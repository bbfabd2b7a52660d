"""0xx: Terraform semantics every template needs right (declarations, providers, the agent's wiring, names)."""

from .helpers import kubernetes_resources, owner_attribute_uses, runtime_class_pods

#: rule -> (helper, the parameters it is called with): where the helper finds nothing in a unit, the rule's check finds
#: nothing there, so it is neither run nor imported (rules.precondition). Declared by the group's package, which a run
#: loads to know, and not by its helpers, which only the group's rules need.
PRECONDITIONS = {"TDL002": (owner_attribute_uses, ()), "TDL003": (runtime_class_pods, ()),
                 "TDL004": (kubernetes_resources, ())}
