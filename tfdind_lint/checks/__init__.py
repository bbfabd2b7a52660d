"""The checks: pure functions ``(context, **parameters) -> hits``, one per rule id.

Each group module keeps an explicit ``CHECKS`` table; this module joins them.
A check is ``unit``-scoped (it sees one Terraform module directory or one YAML
file at a time) unless it is listed in ``PROJECT_SCOPED`` (it looks across
files, e.g. a RuntimeClass defined elsewhere).
TDL000 (parse-error) and the suppression rules (TDL9xx) are produced by the
linter itself, not by a check.
"""

from __future__ import annotations

from . import general, privileged, sysbox

CHECKS = {
    **general.CHECKS,
    **sysbox.CHECKS,
    **privileged.CHECKS,
}

#: Rules whose findings the linter produces itself.
BUILTIN = frozenset({"TDL000", "TDL900"})

#: Checks that need every file of the run at once.
PROJECT_SCOPED: frozenset[str] = frozenset()
