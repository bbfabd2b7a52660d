"""5xx: Kubernetes manifests and systemd-in-Sysbox (RULES.md group 5xx)."""

from __future__ import annotations

CHECKS: dict = {}

#: rule ids of this group that look across files (they get every unit of the run at once)
PROJECT_SCOPED: frozenset[str] = frozenset()
