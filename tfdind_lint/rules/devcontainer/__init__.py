"""6xx: Coder's Dev Containers integration, which needs Docker inside the workspace."""

from .helpers import devcontainer_features, integration_units

#: rule -> (helper, the parameters it is called with): where the helper finds nothing in a unit, the rule's check finds
#: nothing there (rules.precondition)
PRECONDITIONS = {**{rule: (integration_units, ()) for rule in ("TDL601", "TDL602", "TDL603", "TDL605")},
                 "TDL604": (devcontainer_features, ())}
