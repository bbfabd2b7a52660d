"""2xx: envbox, a privileged outer container running Sysbox inside."""

from ...model.roles import envbox_containers

#: rule -> (helper, the parameters it is called with): where the helper finds nothing in a unit, the rule's check finds
#: nothing there (rules.precondition)
PRECONDITIONS = {rule: (envbox_containers, ("envbox_images",))
                 for rule in ("TDL201", "TDL202", "TDL203", "TDL204", "TDL205", "TDL206", "TDL207")}
