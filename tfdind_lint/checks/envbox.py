"""2xx: Envbox, a privileged outer container running Sysbox inside (RULES.md group 2xx)."""

from __future__ import annotations

CHECKS: dict = {}

#: rule ids of this group that look across files (they get every unit of the run at once)
PROJECT_SCOPED: frozenset[str] = frozenset()
