"""3xx: rootless Podman, FUSE device plugins and Bottlerocket / Karpenter node prerequisites (RULES.md group 3xx)."""

from __future__ import annotations

CHECKS: dict = {}

#: rule ids of this group that look across files (they get every unit of the run at once)
PROJECT_SCOPED: frozenset[str] = frozenset()
