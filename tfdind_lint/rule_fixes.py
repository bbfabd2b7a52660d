"""The fixes of the rules (RULES.md "Autofix."), one function per rule: ``tdlNNN(ctx, ...) -> Fix | None``.

A check builds its fix in one line (``Hit(..., fix=rule_fixes.tdl403(ctx, span, value))``); the logic
lives here, on top of the text-edit shapes of edits.py.  None: the case at hand is not one the rule's fix
covers (the finding has no fix).
"""

from __future__ import annotations

from . import edits
from .fix import Fix, safe


def tdl403(ctx, span, value: str | None) -> Fix | None:
    """DOCKER_HOST without a scheme: prepend ``tcp://`` (``unix://`` before a socket path)."""
    if not value or value != value.strip() or "://" in value:
        return None
    scheme = "unix://" if value.startswith("/") else "tcp://"
    edit = edits.prepend(edits.source(ctx, span.path), span, value, scheme)
    return safe(f"Prepend {scheme}", edit) if edit is not None else None
