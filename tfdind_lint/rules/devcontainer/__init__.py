"""6xx: Coder's Dev Containers integration, which needs Docker inside the workspace."""

from .helpers import devcontainer_features, integration_units

#: rule -> (helper, the parameters it is called with): where the helper finds nothing in a unit, the rule's check finds
#: nothing there, so it is neither run nor imported (rules.precondition). Declared by the group's package, which a run
#: loads to know, and not by its helpers, which only the group's rules need.
PRECONDITIONS = {**{rule: (integration_units, ()) for rule in ("TDL601", "TDL602", "TDL603", "TDL605")},
                 "TDL604": (devcontainer_features, ())}
