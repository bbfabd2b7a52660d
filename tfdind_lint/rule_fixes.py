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


_BOOLEAN_SPELLINGS = {"yes": "true", "y": "true", "on": "true", "enable": "true", "enabled": "true",
                      "no": "false", "n": "false", "off": "false", "disable": "false", "disabled": "false"}


def tdl206(ctx, span, value: str | None) -> Fix | None:
    """An envbox boolean spelled another way (``yes``, ``on``): write ``true`` / ``false`` (not numbers: no fix)."""
    spelled = _BOOLEAN_SPELLINGS.get((value or "").strip().lower())
    if spelled is None:
        return None
    text = edits.source(ctx, span.path)
    edit = edits.replace_in(text, span, value, spelled)
    if edit is None:
        return None
    if not span.path.endswith((".tf", ".tf.json")):  # YAML: an unquoted `true` would be a boolean, not a string
        start, end = text.range(edit.span)
        if text.text[start - 1:start] not in ("'", '"'):
            edit = edits.replace(edit.span, f'"{spelled}"')
    return safe(f"Write {spelled}", edit)
