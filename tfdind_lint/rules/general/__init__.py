"""0xx: Terraform semantics every template needs right (declarations, providers, the agent's wiring, names)."""

from .helpers import kubernetes_resources, owner_attribute_uses, runtime_class_pods

#: rule -> (helper, the parameters it is called with): where the helper finds nothing in a unit, the rule's check finds
#: nothing there (rules.precondition)
PRECONDITIONS = {"TDL002": (owner_attribute_uses, ()), "TDL003": (runtime_class_pods, ()),
                 "TDL004": (kubernetes_resources, ())}
