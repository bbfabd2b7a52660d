"""The checks: pure functions ``(context, **parameters) -> hits``, one per rule id.

Each group module (one per RULES.md group) keeps an explicit ``CHECKS`` table
and says which of its checks are ``PROJECT_SCOPED``; this module joins them.
``custom.py`` holds the generic checks custom policies bind by name (``GENERIC``).
A check is ``unit``-scoped (it sees one Terraform module directory or one YAML
file at a time, and through ``Context.callers`` / ``configurations`` the
directories that call it or that it calls) unless it is project-scoped (it looks
across files, e.g. a RuntimeClass defined elsewhere): a project-scoped check
reads each unit through its collector (``COLLECTORS``, ``Context.gather``) and
judges the run from what they found.  TDL000 (parse-error), TDL900
(invalid-suppression), TDL901 (unused-suppression) and TDL999 (internal-error)
are produced by the linter itself, not by a check.
"""

from __future__ import annotations

from . import devcontainer, dind, envbox, general, manifests, podman, privileged, sysbox

_GROUPS = (general, sysbox, envbox, podman, privileged, dind, manifests, devcontainer)

CHECKS = {rule: check for group in _GROUPS for rule, check in group.CHECKS.items()}

#: Checks that need every file of the run at once.
PROJECT_SCOPED = frozenset().union(*(group.PROJECT_SCOPED for group in _GROUPS))

#: For each project-scoped check, its collector: ``collect(unit, **parameters)`` -> what the check reads of one unit
#: (picklable and small), which the check gets back for every unit through ``Context.gather``.
COLLECTORS = {rule: collect for group in _GROUPS for rule, collect in getattr(group, "COLLECTORS", {}).items()}

#: Rules whose findings the linter produces itself.
BUILTIN = frozenset({"TDL000", "TDL900", "TDL901", "TDL999"})
