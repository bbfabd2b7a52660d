"""TDL002 coder-workspace-owner-removed: data.coder_workspace.<n>.owner* attributes, removed in coder provider v2.0.0
(use data.coder_workspace_owner)."""

from __future__ import annotations

from ... import edits
from ...context import Context
from ...finding import Hit, Related, Severity
from ...fix import Fix, safe
from ...model.providers import provider_requirements
from ...module import Module
from ...node import Span
from ...versions import Version
from .helpers import OWNER_ATTRIBUTES, owner_attribute_uses

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

OWNER_DEPRECATED_IN = Version(0, 23, 0)  # coder_workspace_owner appeared
OWNER_REMOVED_IN = Version(2, 0, 0, "rc.1")  # first tag of commit 7ed088d (#255)


def check(ctx: Context) -> Iterator[Hit]:
    """TDL002: ``data.coder_workspace.<n>.owner*``, removed in coder provider v2.0.0."""
    for module, uses in owner_attribute_uses(ctx):
        verdict, related = _owner_verdict(ctx, module)
        if verdict == "older":
            continue  # pinned below v0.23.0: there is no coder_workspace_owner to move to yet
        severity = Severity.WARNING if verdict == "deprecated" else None  # None: the policy's (error)
        declared = {r.name for r in module.data_sources_of("coder_workspace_owner")}
        for use in uses:
            ref = use.reference
            label = ref.parts[2]
            replacement = f"data.coder_workspace_owner.{label}.{OWNER_ATTRIBUTES[ref.parts[3]]}"
            if severity == Severity.WARNING:
                what = f"`{ref.text}` is deprecated since coder provider v0.23.0 (removed in v2.0.0)"
            else:
                what = f"`{ref.text}` no longer exists in coder provider v2.0.0: plan fails with \"Unsupported attribute\""
            hint = f"use `{replacement}`" + ("" if label in declared else
                                             f", declaring `data \"coder_workspace_owner\" \"{label}\" {{}}`")
            yield Hit(
                ref.span, what,
                subject=use.block.subject, attribute=".".join(use.path), related=related, severity=severity,
                hint=hint,
                owner=use.block.head, fix=_fix(ctx, module, ref, replacement, label in declared),
            )


def _owner_verdict(ctx: Context, module: Module) -> tuple[str, tuple[Related, ...]]:
    """What the coder constraint admits, worst configuration first: "removed" (v2.0.0 or later, or no
    readable constraint), "deprecated" (only v0.23.0 up to v2.0.0) or "older" (only before v0.23.0);
    with the places that say so."""
    verdicts: list[tuple[str, tuple[Related, ...]]] = []
    for requirement in provider_requirements(ctx, module, "coder"):
        constraint = requirement.constraint
        if constraint is None:
            verdicts.append(("removed", () if requirement.versions else requirement.unpinned("coder")))
        elif constraint.admits_at_least(OWNER_REMOVED_IN):
            verdicts.append(("removed", tuple(
                Related(v.where, f"the coder provider constraint `{v.value}` admits v2.0.0 or later") for v in requirement.versions)))
        elif constraint.admits_at_least(OWNER_DEPRECATED_IN):
            verdicts.append(("deprecated", tuple(
                Related(v.where, f"the coder provider constraint `{v.value}` keeps it below v2.0.0") for v in requirement.versions)))
    for worst in ("removed", "deprecated"):
        if any(verdict == worst for verdict, _ in verdicts):
            return worst, tuple(dict.fromkeys(r for verdict, related in verdicts if verdict == worst for r in related))
    return "older", ()


def _fix(ctx, module, reference, replacement: str, declared: bool) -> Fix | None:
    """``data.coder_workspace.<n>.owner*`` -> ``data.coder_workspace_owner.<n>.*`` (the same value), declaring
    ``data "coder_workspace_owner" "<n>" {}`` after ``data "coder_workspace" "<n>"`` when the module lacks it.

    The declaration must go in the file of the reference (a fix edits one file); when the
    ``coder_workspace`` block is in another file, the finding has no fix.
    """
    text = edits.source(ctx, reference.span.path)
    old = ".".join(reference.parts[:4])
    if text is None or not text.text.startswith(old, text.range(reference.span)[0]):
        return None
    start = reference.span
    rewrite = edits.replace(Span(start.path, start.line, start.column, start.line, start.column + len(old)), replacement)
    if declared:
        return safe(f"Use {replacement}", rewrite)
    label = reference.parts[2]
    sibling = next((r for r in module.data_sources_of("coder_workspace") if r.name == label), None)
    if sibling is None or sibling.path != reference.span.path:
        return None
    block = edits.insert_block_after(text, sibling.block, f'data "coder_workspace_owner" "{label}" {{}}')
    return safe(f"Use {replacement}", block, rewrite) if block is not None else None
