"""The checks: pure functions ``(context, **parameters) -> hits``, one per rule id.

Each group module (one per RULES.md group) keeps an explicit ``CHECKS`` table
and says which of its checks are ``PROJECT_SCOPED``; this module joins them.
``custom.py`` holds the generic checks custom policies bind by name (``GENERIC``).
A check is ``unit``-scoped (it sees one Terraform module directory or one YAML
file at a time) unless it is project-scoped (it looks across files, e.g. a
RuntimeClass defined elsewhere).  TDL000 (parse-error), TDL900
(invalid-suppression), TDL901 (unused-suppression) and TDL999 (internal-error)
are produced by the linter itself, not by a check.
"""

from __future__ import annotations

from . import dind, envbox, general, manifests, podman, privileged, sysbox

_GROUPS = (general, sysbox, envbox, podman, privileged, dind, manifests)

CHECKS = {rule: check for group in _GROUPS for rule, check in group.CHECKS.items()}

#: Checks that need every file of the run at once.
PROJECT_SCOPED = frozenset().union(*(group.PROJECT_SCOPED for group in _GROUPS))

#: Rules whose findings the linter produces itself.
BUILTIN = frozenset({"TDL000", "TDL900", "TDL901", "TDL999"})
